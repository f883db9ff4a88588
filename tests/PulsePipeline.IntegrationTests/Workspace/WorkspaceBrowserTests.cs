using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// A real browser (Debian's headless chromium through Playwright): a reader signs in with the development sign-in
/// and goes overview → heatmap → a unit's page → effects by keyboard alone; axe-core finds no violation of any impact
/// on any page in either language, on a laptop and on a tablet; the heatmap shows the newest wave first and keeps its
/// header in view; and no page logs a console error (the CSP blocks nothing the pages need).
/// </summary>
[Collection(SharedWorkspace.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class WorkspaceBrowserTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task Reader_GoesOverviewHeatmapUnit_ByKeyboardOnly()
    {
        await using var browser = await Chromium.LaunchAsync();
        var page = browser.Page;
        await page.GotoAsync(workspace.BaseUrl + "/ipim/signin");

        await TabUntilAsync(page, "input:name");
        await page.Keyboard.TypeAsync("Ria Lezer");
        await TabUntilAsync(page, "input:role-IPIM-Reader");
        await page.Keyboard.PressAsync("Space");
        await TabUntilAsync(page, "button:");
        await FollowAsync(page, url => url.EndsWith("/ipim", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Overzicht van de laatste gepubliceerde meting" }).WaitForAsync();

        await TabUntilAsync(page, "a:Heatmap");
        await FollowAsync(page, url => url.Contains("/ipim/heatmap", StringComparison.Ordinal));

        // Open the Ministry of the Interior with the keyboard, then follow the shifted team's link.
        await TabUntilAsync(page, "summary:Ministerie van Binnenlandse Zaken");
        await page.Keyboard.PressAsync("Enter");
        await TabUntilAsync(page, "a:Team Ä.1 Arbeidszaken");
        await FollowAsync(page, url => url.Contains("/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), StringComparison.Ordinal));
        Assert.Equal("Team Ä.1 Arbeidszaken", await page.Locator("h1").InnerTextAsync());

        await TabUntilAsync(page, "a:Effecten");
        await FollowAsync(page, url => url.Contains("/ipim/effects", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Effecten per soort", Level = 1 }).WaitForAsync();
        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    [Fact]
    public async Task EveryPage_InBothLanguages_HasNoAccessibilityViolationOfAnyImpact_NorConsoleError()
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.SignInAsync(workspace);
        var editorSignedIn = false;
        // Every kind of page (a unit page per kind of unit: the root, a shifted team and its explained parent, one withheld), both languages.
        var intervention = (await workspace.Pipeline.Get<InterventionStore>().ListAsync(InterventionFilter.All, CancellationToken.None))[0].Intervention.Id;
        string[] kinds =
        [
            "/ipim", "/ipim/heatmap", "/ipim/heatmap?view=table", "/ipim/heatmap?construct=speakup&under=BZK", "/ipim/search?q=team", "/ipim/search?q=nergens",
            .. new[] { WorkspaceSeed.Root, WorkspaceSeed.Shifted, WorkspaceSeed.ShiftedParent, WorkspaceSeed.SometimesSuppressed }.Select(u => "/ipim/unit?id=" + Uri.EscapeDataString(u)), "/ipim/nope",
            "/ipim/interventions", "/ipim/catalogue", "/ipim/effects", "/ipim/plans", "/ipim/report", $"/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}",
        ];
        string[] editors = ["/ipim/interventions/new", "/ipim/interventions/edit?id=" + intervention, "/ipim/audit", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), "/ipim/plans", "/ipim/plans/new"];
        foreach (var url in kinds.Concat(editors.Select(u => "editor:" + u)).SelectMany(u => new[] { u, u + (u.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" }))
        {
            if (url.StartsWith("editor:", StringComparison.Ordinal) && !editorSignedIn)
            {
                await browser.Context.ClearCookiesAsync();
                await browser.SignInAsync(workspace, WorkspaceRoles.Editor);
                editorSignedIn = true;
            }

            var path = url.StartsWith("editor:", StringComparison.Ordinal) ? url["editor:".Length..] : url;
            await browser.Page.GotoAsync(workspace.BaseUrl + path);
            await OpenAllDetailsAsync(browser.Page);
            await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, url);
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url}: no sideways scrolling of the page");
        }

        // The refused form (400, with its error summary) passes too.
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/interventions/new");
        await browser.Page.Locator("#f-unit").FillAsync("nobody");
        await browser.Page.Locator("form.record button[type=submit]").ClickAsync();
        await browser.Page.Locator(".problems").WaitForAsync();
        await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, "refused intervention form");
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/plans/new?lang=en");
        await browser.Page.Locator("#f-units").FillAsync("nobody");
        await browser.Page.Locator("form.record button[type=submit]").ClickAsync();
        await browser.Page.Locator(".problems").WaitForAsync();
        await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, "refused plan form");

        await browser.Context.ClearCookiesAsync();
        foreach (var url in new[] { "/ipim/signin", "/ipim/signin?lang=en", "/ipim", "/ipim?lang=en" })
        {
            await browser.Page.GotoAsync(workspace.BaseUrl + url);
            await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, url + " signed out");
        }

        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(820, 1180)]
    public async Task OnALaptopAndATablet_PagesFitTheScreen_PassAxe_AndTheHeatmapShowsTheNewestWaveFirst(int width, int height)
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.Page.SetViewportSizeAsync(width, height);
        await browser.SignInAsync(workspace);
        foreach (var url in new[] { "/ipim", "/ipim/heatmap", "/ipim/heatmap?view=table", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), $"/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}" })
        {
            await browser.Page.GotoAsync(workspace.BaseUrl + url);
            await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, $"{url} at {width}×{height}");
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url}: no sideways scrolling at {width}×{height}");
        }

        // Expanded, the newest wave's column is still on the screen: it comes first.
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/heatmap?under=BZK");
        var newest = browser.Page.Locator("table.heat").Nth(1).Locator("thead th").Nth(1);
        Assert.Equal(WorkspaceSeed.Waves[^1], await newest.InnerTextAsync());
        var box = (await newest.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= width, $"the newest wave's column ends at {box.X + box.Width} px on a {width} px screen");

        // The table view scrolls inside its own box (on a screen too short for it), and its header row stays at the top of that box.
        await browser.Page.SetViewportSizeAsync(width, 600);
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/heatmap?view=table");
        var scroller = browser.Page.Locator(".scroll.tall").First;
        Assert.True(await scroller.EvaluateAsync<double>("b => { b.scrollTop = b.scrollHeight; return b.scrollTop; }") > 100, "the table scrolled inside its box");
        var header = (await scroller.Locator("thead th").First.BoundingBoxAsync())!;
        var frame = (await scroller.BoundingBoxAsync())!;
        Assert.True(Math.Abs(header.Y - frame.Y) < 2, $"the header row is at {header.Y}, the box starts at {frame.Y}");
    }

    private static async Task OpenAllDetailsAsync(IPage page) => await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

    /// <summary>Enter on the focused link or button, waiting for the page it leads to (the wait starts first, so a quick navigation is not missed).</summary>
    private static async Task FollowAsync(IPage page, Func<string, bool> arrived)
    {
        var wait = page.WaitForURLAsync(arrived, new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await wait;
    }

    /// <summary>
    /// Presses Tab until the focused element is <paramref name="target"/> ("tag:id", or "tag:text" for links, and for
    /// summaries the text they begin with: a ministry's summary goes on to say how many of its units are flagged).
    /// </summary>
    private static async Task TabUntilAsync(IPage page, string target)
    {
        var seen = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; const tag = e.tagName.toLowerCase(); return tag + ':' + (tag === 'a' || tag === 'summary' ? e.textContent.trim() : e.id); }");
            if (focused == target || (target.StartsWith("summary:", StringComparison.Ordinal) && focused.StartsWith(target + " ", StringComparison.Ordinal)))
            {
                return;
            }

            seen.Add(focused);
        }

        Assert.Fail($"Tab never reached {target}; it went through {string.Join(", ", seen.Take(30))}");
    }
}
