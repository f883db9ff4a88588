using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>The stand-in until the audit log is wired in at the merge: records nothing.</summary>
public sealed class NoWorkspaceAudit : IWorkspaceAudit
{
    public Task UnitViewedAsync(WorkspacePrincipal viewer, string unit, DateOnly day, CancellationToken cancellationToken) => Task.CompletedTask;
}
