using PulsePipeline.IntegrationTests.Infrastructure;

namespace PulsePipeline.IntegrationTests.Workspace;

[Collection(SharedWorkspace.Name)]
public sealed class ScratchDump(WorkspaceFixture workspace)
{
    [Fact]
    public async Task Dump()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", "IPIM.Reader");
        foreach (var (name, url) in new[] { ("overview", "/ipim"), ("heatmap", "/ipim/heatmap"), ("heattable", "/ipim/heatmap?view=table&lang=en"), ("unit", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted)), ("signin", "/ipim/signin"), ("nope", "/ipim/nope") })
        {
            var r = await WorkspaceHttp.GetAsync(client, url, cookie);
            await File.WriteAllTextAsync($"/tmp/ws-{name}.html", $"<!-- {(int)r.StatusCode} -->\n" + await r.Content.ReadAsStringAsync());
        }

        await using var browser = await Chromium.LaunchAsync();
        await browser.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "pulse-ipim-dev", Value = cookie.Split('=', 2)[1], Url = workspace.BaseUrl + "/ipim" }]);
        foreach (var (name, url) in new[] { ("overview", "/ipim"), ("heatmap", "/ipim/heatmap"), ("unit", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted)) })
        {
            await browser.Page.GotoAsync(workspace.BaseUrl + url);
            await browser.Page.ScreenshotAsync(new() { Path = $"/tmp/ws-{name}.png", FullPage = true });
        }

        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }
}
