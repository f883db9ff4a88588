using PulsePipeline.Models.Audit;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>Unit-page views go to the registry's audit log, the same log every intervention change is in (day only).</summary>
public sealed class WorkspaceAudit(AuditLog log) : IWorkspaceAudit
{
    public Task UnitViewedAsync(WorkspacePrincipal viewer, string unit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return log.RecordAsync(viewer.AuditName, AuditActions.UnitViewed, unit, cancellationToken);
    }
}
