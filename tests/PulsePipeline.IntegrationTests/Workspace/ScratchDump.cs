using PulsePipeline.IntegrationTests.Infrastructure;

namespace PulsePipeline.IntegrationTests.Workspace;

[Collection(SharedWorkspace.Name)]
public sealed class ScratchDump(WorkspaceFixture workspace)
{
    [Fact]
    public async Task Dump()
    {
        var cookie = workspace.Cookie("Ria Lezer", "IPIM.Reader");
        await using var browser = await Chromium.LaunchAsync();
        var page = browser.Page;
        await page.GotoAsync(workspace.BaseUrl + "/ipim/signin");
        await page.FillAsync("#name", "Ria Lezer");
        var resp = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button"), r => r.Request.Method == "POST");
        var log = $"POST {resp.Status} {string.Join(";", (await resp.AllHeadersAsync()).Select(h => h.Key + "=" + h.Value))}\n{await page.Locator("h1").InnerTextAsync()}\n";
        await browser.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "pulse-ipim-dev", Value = cookie.Split('=', 2)[1], Url = workspace.BaseUrl + "/ipim" }]);
        await page.GotoAsync(workspace.BaseUrl + "/ipim/heatmap");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        log += await page.EvaluateAsync<string>("() => document.documentElement.scrollWidth + ' ' + window.innerWidth") + "\n";
        log += await page.EvaluateAsync<string>("() => { const w = window.innerWidth; return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll .scroll *')).slice(0, 30).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('\\n'); }");
        await File.WriteAllTextAsync("/tmp/ws-scratch.txt", log);
    }
}
