using System.Net;
using AngleSharp.Html.Parser;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The ministry report: `pulse report` writes the same sections as the workspace page, as one file that loads
/// nothing (style inline, no script, no external reference); a unit that is not a ministry, or waves out of order,
/// write nothing and exit 2, and the page answers 400 with its form.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class WorkspaceReportTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task ReportCommand_WritesTheWorkspacePagesSections_AsOneSelfContainedFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var code = await ReportCommand.RunAsync("BZK", WorkspaceSeed.Waves[1], WorkspaceSeed.Waves[^1], path, "en", workspace.Pipeline.Settings, output, errors, CancellationToken.None);
            Assert.True(code == 0, errors.ToString());

            var file = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(path));
            Assert.Empty(file.QuerySelectorAll("script, link, img, iframe, object, embed, [src], form, nav"));
            Assert.Single(file.QuerySelectorAll("style"));
            // Read away from the workspace, the file links only within itself (the skip link).
            Assert.All(file.QuerySelectorAll("[href]"), a => Assert.StartsWith("#", a.GetAttribute("href"), StringComparison.Ordinal));

            using var client = workspace.Client();
            using var response = await WorkspaceHttp.GetAsync(client, $"/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[1]}&to={WorkspaceSeed.Waves[^1]}&lang=en", workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var sections = page.QuerySelectorAll(".report section").Select(s => s.TextContent).ToList();
            Assert.True(sections.Count >= 5, "participation, levels, flags, interventions, limits");
            Assert.Equal(sections, file.QuerySelectorAll(".report section").Select(s => s.TextContent));
            Assert.NotEmpty(file.QuerySelectorAll("[data-field=effect_estimate], [data-field=pressure_mean]"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task NotAMinistry_OrWavesOutOfOrder_WritesNothing_AndThePageSays400()
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        using var errors = new StringWriter();

        Assert.Equal(ReportCommand.BadInput, await ReportCommand.RunAsync("BZK/DGOO", WorkspaceSeed.Waves[0], WorkspaceSeed.Waves[^1], path, "nl", workspace.Pipeline.Settings, TextWriter.Null, errors, CancellationToken.None));
        Assert.Equal(ReportCommand.BadInput, await ReportCommand.RunAsync("BZK", WorkspaceSeed.Waves[^1], WorkspaceSeed.Waves[0], path, "nl", workspace.Pipeline.Settings, TextWriter.Null, errors, CancellationToken.None));
        Assert.False(File.Exists(path));

        using var client = workspace.Client();
        using var response = await WorkspaceHttp.GetAsync(client, $"/ipim/report?unit=BZK%2FDGOO&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}", workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
