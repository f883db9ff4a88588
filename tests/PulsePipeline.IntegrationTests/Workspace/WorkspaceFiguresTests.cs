using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Privacy rule 6, checked on every page in both languages: every figure is a Figure (a &lt;data&gt; element) whose
/// value equals the stored published or flag figure it names, or is computed from that one unit's own row, and is
/// shown as the page's number format says; the detector's reasons are its stored reasons, worded in the page's language; and outside those, the
/// labels (unit names, wave ids, answer and axis labels) and the fixed texts, the page holds no digit at all.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed partial class WorkspaceFiguresTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task EveryFigureOnEveryPage_IsAPublishedFigure_OrComputedFromOneUnitsOwnRow()
    {
        var truth = await PublishedTruth.ReadAsync(workspace.Pipeline);
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);
        var problems = new List<string>();
        var figures = 0;
        var fields = new HashSet<string>(StringComparer.Ordinal);

        foreach (var url in WorkspacePages.All())
        {
            using var response = await WorkspaceHttp.GetAsync(client, url, cookie);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var language = document.DocumentElement.GetAttribute("lang") == "en" ? Language.En : Language.Nl;

            foreach (var data in document.QuerySelectorAll("data"))
            {
                figures++;
                var field = data.GetAttribute("data-field") ?? "";
                fields.Add(Regex.Replace(field, ":.*", ""));
                var (expected, problem) = truth.Expected(field, Inherited(data, "data-unit"), Inherited(data, "data-wave"), Inherited(data, "data-scope"), Inherited(data, "data-effects"));
                var shown = double.Parse(data.GetAttribute("value")!, CultureInfo.InvariantCulture);
                if (expected is not { } value)
                {
                    problems.Add($"{url}: {field} = {shown}: {problem ?? "no such stored figure"}");
                }
                else if (Math.Abs(value - shown) > 1e-12 * Math.Max(1, Math.Abs(value)))
                {
                    problems.Add($"{url}: {field} of {Inherited(data, "data-unit")} in {Inherited(data, "data-wave")} shows {shown}, the store says {value}");
                }
                else if (data.TextContent != FigureFormat.Format(shown, KindOf(field), language))
                {
                    problems.Add($"{url}: {field} = {shown} is written '{data.TextContent}'");
                }
            }

            foreach (var reasons in document.QuerySelectorAll("[data-field=flag_reasons]"))
            {
                if (reasons.TextContent != truth.Reasons(Inherited(reasons, "data-unit"), Inherited(reasons, "data-wave"), Inherited(reasons, "data-scope"), language))
                {
                    problems.Add($"{url}: reasons '{reasons.TextContent}' are not the stored reasons");
                }
            }

            foreach (var element in document.Body!.QuerySelectorAll("data, [data-label], [data-field=flag_reasons], svg title").ToList())
            {
                element.Remove();
            }

            foreach (Match digit in Digit().Matches(document.Body.TextContent))
            {
                problems.Add($"{url}: a number outside the provenance component: '{digit.Value}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)));
        Assert.True(figures > 1000, $"only {figures} figures were checked");
        Assert.Superset(new HashSet<string> { "n", "invited", "response_rate", "pressure_mean", "speakup_sd", "norms_ci_low", "item", "item_share", "flag_score", "flag_pressure_change", "flag_speakup_margin", "effect_estimate", "effect_ci_low", "effect_ci_high", "effect_detectable", "effect_band_power", "effect_band_effects", "effect_units", "pressure_diff", "speakup_diff", "pressure_diff_ci_low", "speakup_diff_ci_high", "flagged_units", "effect_verdicts", "effect_labels", "chance_labels" }, fields);
        Assert.True(truth.ConclusiveEffects > 0, "the seed has conclusive effects to check");
    }

    private static string? Inherited(IElement element, string attribute) => element.Closest($"[{attribute}]")?.GetAttribute(attribute);

    private static FigureKind KindOf(string field) =>
        field is "effect_detectable" ? FigureKind.TwoDecimals
        : field is "effect_band_power" ? FigureKind.Percent
        : field is "n" or "invited" or "effect_units" or "effect_band_effects" or "effect_inconclusive" or "flagged_units" or "effect_verdicts" or "effect_labels" or "plan_members" || field.StartsWith("item:", StringComparison.Ordinal) || field.StartsWith("effect_missing:", StringComparison.Ordinal) ? FigureKind.Count
        : field.StartsWith("effect_", StringComparison.Ordinal) || field.StartsWith("plan_", StringComparison.Ordinal) || field.Contains("_diff", StringComparison.Ordinal) ? FigureKind.Change
        : field is "response_rate" || field.StartsWith("item_share:", StringComparison.Ordinal) ? FigureKind.Percent
        : field.EndsWith("_change", StringComparison.Ordinal) ? FigureKind.Change
        : FigureKind.TwoDecimals;

    [GeneratedRegex(@".{0,20}\d.{0,20}")]
    private static partial Regex Digit();
}
