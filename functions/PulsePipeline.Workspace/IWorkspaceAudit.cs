using PulsePipeline.Workspace.Access;

namespace PulsePipeline.Workspace;

/// <summary>
/// Where the workspace records that someone viewed a unit page (who, which unit, which day). Changes to interventions
/// are audited by the registry itself. A failing audit write fails the page: no view goes unrecorded.
/// </summary>
public interface IWorkspaceAudit
{
    Task UnitViewedAsync(WorkspacePrincipal viewer, string unit, CancellationToken cancellationToken);
}
