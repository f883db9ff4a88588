using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The three things IPIM comes to the workspace for, walked in a real browser by a reader who has not seen it: each
/// answer is on the first screen of the page where the reader starts, or one click away, and says what the question
/// asks. No pixel positions: only whether an element lies within the screen.
/// </summary>
[Collection(SharedWorkspace.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed partial class WorkspaceTaskTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task A_WhichUnitsNeedAttentionNow_AndWhy_IsOnTheOverviewsFirstScreen()
    {
        await using var browser = await WorkspaceBrowser.OpenAsync(workspace, "/ipim?lang=en", WorkspaceBrowser.Laptop);

        var attention = browser.Page.GetByRole(AriaRole.Heading, new() { Name = "What needs attention now", Level = 2 });
        Assert.True(await attention.OnFirstScreenAsync(), "the question is answered first");
        var team = browser.Page.Locator("section[aria-labelledby=flagged] tbody tr", new() { Has = browser.Page.GetByRole(AriaRole.Link, new() { Name = "Team Ä.1 Arbeidszaken", Exact = true }) });
        Assert.True(await team.OnFirstScreenAsync(), "the shifted team's finding is on the first screen");
        var row = await team.InnerTextAsync();
        Assert.Matches(NewOrSince(), row);
        Assert.Contains("pressure +", row, StringComparison.Ordinal);

        // Its directorate-general moved because the team did: named with the team's finding, not as a second unit.
        Assert.Contains("also explains the flag of DG Overheidsorganisatie", row, StringComparison.Ordinal);
        var units = await browser.Page.Locator("section[aria-labelledby=flagged] tbody th[scope=row] > a").AllInnerTextsAsync();
        Assert.DoesNotContain("DG Overheidsorganisatie", units);
    }

    [Fact]
    public async Task B_DidTheInterventionInAUnitWork_IsOnItsPagesFirstScreen_OneSearchAway()
    {
        await using var browser = await WorkspaceBrowser.OpenAsync(workspace, "/ipim?lang=en", WorkspaceBrowser.Laptop);

        // IPIM knows the unit by its name: the search on every page finds it, one click leads to its page.
        await browser.Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Textbox).FillAsync("team a.1");
        await browser.Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button).ClickAsync();
        await browser.Page.Locator(".hits a").First.ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), StringComparison.Ordinal));

        var interventions = browser.Page.Locator("dl.status dd").Nth(2);
        Assert.True(await interventions.OnFirstScreenAsync(), "the intervention and its verdicts are on the first screen");
        var text = await interventions.InnerTextAsync();
        Assert.Contains("Moral deliberation", text, StringComparison.Ordinal);
        Assert.Matches(Verdict(), text);
        Assert.True(await browser.Page.Locator("dl.status dd").Nth(3).OnFirstScreenAsync(), "what to watch is on the first screen too");
    }

    [Fact]
    public async Task C_WhatToTellTheMinister_IsTheReportsSummary_OneFormAway()
    {
        await using var browser = await WorkspaceBrowser.OpenAsync(workspace, "/ipim/report?lang=en", WorkspaceBrowser.Laptop);

        await browser.Page.SelectOptionAsync("#r-unit", "BZK");
        await browser.Page.SelectOptionAsync("#r-from", WorkspaceSeed.Waves[0]);
        await browser.Page.SelectOptionAsync("#r-to", WorkspaceSeed.Waves[^1]);
        await browser.Page.Locator("form.filters button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("unit=BZK", StringComparison.Ordinal));

        var summary = browser.Page.Locator("section[aria-labelledby=r-summary]");
        Assert.True(await summary.Locator("h2").OnFirstScreenAsync(), "the summary opens the report");
        var text = await summary.InnerTextAsync();
        Assert.Contains("Participation.", text, StringComparison.Ordinal);
        Assert.Matches(@"Pressure \(higher is worse\)\. Level in wave 2027-12: \d\.\d\d \(interval \d\.\d\d to \d\.\d\d\)\. Change since wave 2027-01: [+−]\d\.\d\d \(interval [+−]\d\.\d\d to [+−]\d\.\d\d\)", text);
        Assert.Contains("Speak-up safety (higher is better). Level in wave 2027-12:", text, StringComparison.Ordinal);
        Assert.Contains("Team Ä.1 Arbeidszaken", text, StringComparison.Ordinal);
        Assert.Contains("Moral deliberation in Team Ä.1 Arbeidszaken", text, StringComparison.Ordinal);
        Assert.Contains("Chance alone would label about", text, StringComparison.Ordinal);
        Assert.Contains("What the figures can and cannot show.", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("newly flagged|flagged since 2027-")]
    private static partial Regex NewOrSince();

    [GeneratedRegex("(Pressure|Speak-up safety): (improved|worsened|no clear change|inconclusive)")]
    private static partial Regex Verdict();
}
