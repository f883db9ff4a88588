using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>
/// Where the workspace records that someone viewed a unit page (who, which unit, which day). The audit log itself
/// (AuditLog, on the intervention registry's branch) implements this when the branches merge; until then
/// <see cref="NoWorkspaceAudit"/> stands in. A failing audit write fails the page: no view goes unrecorded.
/// </summary>
public interface IWorkspaceAudit
{
    Task UnitViewedAsync(WorkspacePrincipal viewer, string unit, DateOnly day, CancellationToken cancellationToken);
}
