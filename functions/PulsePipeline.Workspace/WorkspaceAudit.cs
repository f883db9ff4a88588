using PulsePipeline.Models.Audit;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>Unit-page views go to the registry's audit log (who by stable id and name, which unit, the day only), the same log every intervention change is in.</summary>
public sealed class WorkspaceAudit(AuditLog log) : IWorkspaceAudit
{
    public Task UnitViewedAsync(WorkspacePrincipal viewer, string unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return log.RecordAsync(viewer.Actor, AuditActions.UnitViewed, unit, cancellationToken);
    }
}
