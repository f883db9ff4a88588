using System.Globalization;
using Microsoft.Playwright;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Plans;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// A reader sees the rollout plans from the menu, in Dutch and English: each plan's status, a drawn plan's order with
/// its withdrawal, its randomised result as stored at the latest wave with what the lot buys, and unit names as text;
/// axe-core finds no violation of any impact.
/// </summary>
[Collection(SharedWorkspace.Name)]
[Trait(TestCategories.Name, TestCategories.Browser)]
public sealed class PlanPagesTests(WorkspaceFixture workspace)
{
    [Theory]
    [InlineData(Language.Nl, "")]
    [InlineData(Language.En, "?lang=en")]
    public async Task Reader_SeesThePlans_TheirStatus_AndTheRandomisedResult(Language language, string query)
    {
        await using var browser = await Chromium.LaunchAsync();
        await browser.SignInAsync(workspace);
        var texts = PlanTexts.For(language);
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim" + query);
        await browser.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = texts.Nav, Exact = true }).ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/ipim/plans", StringComparison.Ordinal));
        await browser.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

        Assert.Equal(texts.Title, await browser.Page.Locator("h1").InnerTextAsync());
        var drawn = browser.Page.Locator("section").Filter(new() { Has = browser.Page.Locator($"#plan-{PlanSeed.Drawn}") });
        var registered = browser.Page.Locator("section").Filter(new() { Has = browser.Page.Locator($"#plan-{PlanSeed.Registered}") });
        var drawnText = await drawn.InnerTextAsync();
        Assert.Contains(texts.Drawn, drawnText, StringComparison.Ordinal);
        var estimates = drawn.Locator("[data-field=plan_estimate]");
        Assert.Equal(PlanSeed.Effects.Select(e => e.Estimate!.Value.ToString("R", CultureInfo.InvariantCulture)), await Task.WhenAll(Enumerable.Range(0, PlanSeed.Effects.Count).Select(i => estimates.Nth(i).GetAttributeAsync("value")!)));
        Assert.All(PlanSeed.Effects, e => Assert.Contains(EffectReasonTexts.Verdict(e.Verdict, language), drawnText, StringComparison.Ordinal));
        Assert.Contains(texts.WindowClosed, drawnText, StringComparison.Ordinal);
        Assert.Contains(PlanSeed.WithdrawalReason, drawnText, StringComparison.Ordinal);
        Assert.Contains(WorkspaceSeed.ScriptName, drawnText, StringComparison.Ordinal);
        Assert.Equal(6, await drawn.Locator("details tbody tr").CountAsync());
        var registeredText = await registered.InnerTextAsync();
        Assert.Contains(texts.Registered, registeredText, StringComparison.Ordinal);
        Assert.DoesNotContain(texts.Result, registeredText, StringComparison.Ordinal);
        Assert.Contains(PlanWords.WhyRandomised(language), await browser.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, "/ipim/plans" + query);

        // The effects page shows the randomised evidence first, marked as such, linked to the plans.
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/effects" + query);
        var randomised = browser.Page.Locator("section[aria-labelledby=randomised]");
        Assert.Equal(texts.EffectsHeading, await randomised.Locator("h2").InnerTextAsync());
        Assert.Equal(PlanSeed.Effects.Count, await randomised.Locator("[data-field=plan_estimate]").CountAsync());
        Assert.Equal(0, await browser.Page.Locator("section").First.Locator("[data-field=effect_estimate]").CountAsync());
        await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, "/ipim/effects" + query);

        // A member's unit page says its intervention belongs to the plan, whose result is randomised evidence.
        await browser.Page.GotoAsync(workspace.BaseUrl + "/ipim/unit?id=" + Uri.EscapeDataString(PlanSeed.Member) + query.Replace('?', '&'));
        var note = browser.Page.Locator("p.note").Filter(new() { Has = browser.Page.Locator($"a[href$='#plan-{PlanSeed.Drawn}']") });
        Assert.Equal(texts.UnitMember.Replace("{0}", PlanSeed.Drawn, StringComparison.Ordinal), await note.InnerTextAsync());
        await WorkspaceAxe.AssertNoViolationsAsync(browser.Page, "member's unit page" + query);
        Assert.True(browser.ConsoleProblems.Count == 0, string.Join('\n', browser.ConsoleProblems));
    }
}
