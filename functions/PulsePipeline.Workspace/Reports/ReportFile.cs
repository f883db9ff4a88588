using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// The ministry report as one self-contained file (`pulse report`): the workspace's own page, rendered without a
/// signed-in user (so without navigation), without the choice form and without links to workspace pages. Its only style is inline; it has no script
/// and loads nothing.
/// </summary>
public static class ReportFile
{
    public static Task<string> RenderAsync(ReportChoice choice, ReportModel report, Language language)
    {
        var page = new PageContext(language, new SignInState(WorkspaceHost.Local, null, null), null, WorkspacePage.Report, WorkspaceRoutes.For(WorkspacePage.Report).Url, []) { IsFile = true };
        return PageRenderer.RenderAsync<ReportPage>(new Dictionary<string, object?>
        {
            ["Context"] = page,
            ["Choice"] = choice,
            ["Model"] = report,
            ["Standalone"] = true,
        });
    }
}
