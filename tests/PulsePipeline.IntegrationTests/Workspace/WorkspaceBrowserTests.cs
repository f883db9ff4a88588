using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.IntegrationTests.Survey;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// A real browser (Debian's headless chromium through Playwright): a reader signs in with the development sign-in
/// and goes overview → heatmap → a unit's page → effects by keyboard alone; the ministry report prints without a
/// table cut off; axe-core finds no WCAG 2.1 A/AA violation on any
/// page in either language, on a laptop and on a tablet; and no page logs a console error (the CSP blocks nothing
/// the pages need).
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
    public async Task EveryPage_InBothLanguages_HasNoAccessibilityViolation_NorConsoleError()
    {
        await using var browser = await Chromium.LaunchAsync();
        await SignInAsync(browser);
        var editorSignedIn = false;
        // Every kind of page (a unit page per kind of unit: the root, a shifted team, one with a suppressed wave), both languages.
        var intervention = (await workspace.Pipeline.Get<InterventionStore>().ListAsync(InterventionFilter.All, CancellationToken.None))[0].Intervention.Id;
        string[] kinds =
        [
            "/ipim", "/ipim/heatmap", "/ipim/heatmap?view=table", .. new[] { WorkspaceSeed.Root, WorkspaceSeed.Shifted, WorkspaceSeed.SometimesSuppressed }.Select(u => "/ipim/unit?id=" + Uri.EscapeDataString(u)), "/ipim/nope",
            "/ipim/interventions", "/ipim/catalogue", "/ipim/effects", "/ipim/report", $"/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}",
        ];
        string[] editors = ["/ipim/interventions/new", "/ipim/interventions/edit?id=" + intervention, "/ipim/audit", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted)];
        foreach (var url in kinds.Concat(editors.Select(u => "editor:" + u)).SelectMany(u => new[] { u, u + (u.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" }))
        {
            if (url.StartsWith("editor:", StringComparison.Ordinal) && !editorSignedIn)
            {
                await browser.Context.ClearCookiesAsync();
                await SignInAsync(browser, WorkspaceRoles.Editor);
                editorSignedIn = true;
            }

            var path = url.StartsWith("editor:", StringComparison.Ordinal) ? url["editor:".Length..] : url;
            await browser.Page.GotoAsync(workspace.BaseUrl + path);
            await OpenAllDetailsAsync(browser.Page);
            await SurveyAxe.AssertNoViolationsAsync(browser.Page, url);
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url}: no sideways scrolling of the page");
        }

        // The refused form (400, with its error summary) passes too.
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/interventions/new");
        await browser.Page.Locator("#f-unit").FillAsync("nobody");
        await browser.Page.Locator("form.record button[type=submit]").ClickAsync();
        await browser.Page.Locator(".problems").WaitForAsync();
        await SurveyAxe.AssertNoViolationsAsync(browser.Page, "refused intervention form");

        await browser.Context.ClearCookiesAsync();
        foreach (var url in new[] { "/ipim/signin", "/ipim/signin?lang=en", "/ipim", "/ipim?lang=en" })
        {
            await browser.Page.GotoAsync(workspace.BaseUrl + url);
            await SurveyAxe.AssertNoViolationsAsync(browser.Page, url + " signed out");
        }

        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }

    [Fact]
    public async Task OnATablet_PagesFitTheScreen_AndPassAxe()
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.Page.SetViewportSizeAsync(820, 1180);
        await SignInAsync(browser);
        foreach (var url in new[] { "/ipim", "/ipim/heatmap", "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted) })
        {
            await browser.Page.GotoAsync(workspace.BaseUrl + url);
            await SurveyAxe.AssertNoViolationsAsync(browser.Page, url + " on a tablet");
            Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{url}: no sideways scrolling on a tablet");
        }
    }

    [Fact]
    public async Task MinistryReport_PrintsWithEveryTableWithinThePage()
    {
        await using var browser = await Chromium.LaunchAsync();
        await SignInAsync(browser);
        var page = browser.Page;
        await page.SetViewportSizeAsync(794, 1123); // A4 at 96 dpi
        await page.GotoAsync($"{workspace.BaseUrl}/ipim/report?unit=BZK&from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var tables = await page.EvaluateAsync<double[][]>("() => [...document.querySelectorAll('table')].map(t => { const r = t.getBoundingClientRect(); return [r.left, r.right, t.scrollWidth, t.clientWidth]; })");
        var width = await page.EvaluateAsync<double>("() => document.documentElement.clientWidth");
        Assert.True(tables.Length >= 5, $"only {tables.Length} tables");
        Assert.All(tables, t => Assert.True(t[0] >= 0 && t[1] <= width + 0.5 && t[2] <= t[3] + 1, $"a table [{string.Join(", ", t)}] does not fit the printed width {width}"));
        Assert.False(await page.Locator("header nav").IsVisibleAsync(), "no navigation in print");
        Assert.False(await page.Locator("form").First.IsVisibleAsync(), "no form in print");

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8), "a PDF was printed");
    }

    private async Task SignInAsync(Chromium browser, string role = WorkspaceRoles.Reader) =>
        await browser.Context.AddCookiesAsync([new Cookie { Name = DevSignInCookie.Name, Value = workspace.Cookie(role == WorkspaceRoles.Editor ? "Eva Editor" : "Ria Lezer", role).Split('=', 2)[1], Url = workspace.BaseUrl + "/ipim" }]);

    private static async Task OpenAllDetailsAsync(IPage page) => await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

    /// <summary>Enter on the focused link or button, waiting for the page it leads to (the wait starts first, so a quick navigation is not missed).</summary>
    private static async Task FollowAsync(IPage page, Func<string, bool> arrived)
    {
        var wait = page.WaitForURLAsync(arrived, new() { Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await wait;
    }

    /// <summary>Presses Tab until the focused element is <paramref name="target"/> ("tag:id", or "tag:text" for links and summaries).</summary>
    private static async Task TabUntilAsync(IPage page, string target)
    {
        var seen = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("() => { const e = document.activeElement; const tag = e.tagName.toLowerCase(); return tag + ':' + (tag === 'a' || tag === 'summary' ? e.textContent.trim() : e.id); }");
            if (focused == target)
            {
                return;
            }

            seen.Add(focused);
        }

        Assert.Fail($"Tab never reached {target}; it went through {string.Join(", ", seen.Take(30))}");
    }
}
