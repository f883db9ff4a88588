using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// An axe-core scan of a workspace page with every rule axe runs by default, best practices included (landmark-unique,
/// region, heading order…), failing on a violation of any impact, each spelled out.
/// </summary>
internal static class WorkspaceAxe
{
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {n.Target} {n.Html} — {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")).ToList();
        Assert.True(violations.Count == 0, $"axe found violations on {what}:\n{string.Join('\n', violations)}");
        Assert.NotEmpty(result.Passes);
    }
}
