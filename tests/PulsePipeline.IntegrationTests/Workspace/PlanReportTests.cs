using System.Net;
using AngleSharp.Html.Parser;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Plans;
using PulsePipeline.Workspace.Reports;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The ministry report lists a randomised plan's result before the observational effects, in its summary and in its
/// interventions section, with the one plain sentence on what the lot buys; a ministry without a plan member has none.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class PlanReportTests(WorkspaceFixture workspace)
{
    [Theory]
    [InlineData(Language.Nl, "")]
    [InlineData(Language.En, "&lang=en")]
    public async Task TheReport_ListsThePlansResultFirst_WithWhatTheLotBuys(Language language, string query)
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);
        var waves = $"from={WorkspaceSeed.Waves[0]}&to={WorkspaceSeed.Waves[^1]}";

        using var response = await WorkspaceHttp.GetAsync(client, $"/ipim/report?unit=BZK&{waves}{query}", cookie);
        var other = await (await WorkspaceHttp.GetAsync(client, $"/ipim/report?unit=FIN&{waves}{query}", cookie)).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var sentence = ReportSummaryTexts.For(language).Randomised;
        var section = page.QuerySelector("section[aria-labelledby=r-interventions]")!;
        Assert.Equal(PlanTexts.For(language).EffectsHeading, section.QuerySelector("h3")!.TextContent);
        Assert.Contains(sentence, section.TextContent, StringComparison.Ordinal);
        var figures = section.QuerySelectorAll("[data-field]").Select(f => f.GetAttribute("data-field")).ToList();
        Assert.Equal(PlanSeed.Effects.Count, figures.Count(f => f == "plan_estimate"));
        var (firstPlan, firstEffect) = (figures.IndexOf("plan_estimate"), figures.IndexOf("effect_estimate"));
        Assert.True(firstPlan >= 0 && firstEffect > firstPlan, $"plan results ({firstPlan}) come before the observational effects ({firstEffect})");
        var summary = page.QuerySelector("section[aria-labelledby=r-summary]")!.TextContent;
        var (randomised, observational) = (summary.IndexOf(sentence, StringComparison.Ordinal), summary.IndexOf(ReportSummaryTexts.For(language).Interventions, StringComparison.Ordinal));
        Assert.True(randomised >= 0 && observational > randomised, $"the summary names the plan ({randomised}) before the interventions ({observational})");
        Assert.Contains(PlanSeed.Drawn, summary, StringComparison.Ordinal);
        Assert.DoesNotContain(sentence, other, StringComparison.Ordinal);
    }
}
