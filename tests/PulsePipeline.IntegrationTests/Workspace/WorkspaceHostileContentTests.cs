using AngleSharp.Html.Parser;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Unit names come from HR files: markup, bidi overrides and spreadsheet formulas in them are shown as the text they
/// are, on every page, never run, never reordering the page around them (each name is isolated in a &lt;bdi&gt;).
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class WorkspaceHostileContentTests(WorkspaceFixture workspace)
{
    private static readonly string[] Hostile = [WorkspaceSeed.ScriptName, WorkspaceSeed.ImageName, WorkspaceSeed.BidiName, WorkspaceSeed.FormulaName];

    [Fact]
    public async Task HostileUnitNames_AreShownAsText_OnEveryPage()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);
        var names = WorkspaceSeed.Units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var url in WorkspacePages.All())
        {
            var html = await (await WorkspaceHttp.GetAsync(client, url, cookie)).Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);

            Assert.Empty(document.QuerySelectorAll("script, img, iframe, object, embed, [onerror], [onload], [onclick]"));
            Assert.Single(document.QuerySelectorAll("style"));
            foreach (var label in document.QuerySelectorAll("[data-label=unit]"))
            {
                Assert.Equal("BDI", label.TagName);
                Assert.Contains(label.TextContent, names);
                Assert.Empty(label.Children);
                seen.Add(label.TextContent);
            }
        }

        Assert.Superset(Hostile.ToHashSet(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task AHostileUnitsOwnPage_HeadsWithItsNameAsText()
    {
        using var client = workspace.Client();
        var (id, _, name) = WorkspaceSeed.Units.Single(u => u.Name == WorkspaceSeed.FormulaName);

        var html = await (await WorkspaceHttp.GetAsync(client, "/ipim/unit?id=" + Uri.EscapeDataString(id), workspace.Cookie("Ria", WorkspaceRoles.Reader))).Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(name, document.QuerySelector("h1")!.TextContent);
        Assert.Contains(name, document.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}
