using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>An axe-core scan for WCAG 2.1 A and AA that fails with every violation spelled out.</summary>
internal static class SurveyAxe
{
    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(Options);
        var violations = result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target} {n.Html} — {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")).ToList();
        Assert.True(violations.Count == 0, $"axe found WCAG 2.1 A/AA violations on {what}:\n{string.Join('\n', violations)}");
        Assert.NotEmpty(result.Passes);
    }
}
