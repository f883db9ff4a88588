using System.Globalization;
using System.Text;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>Prints an effect evaluation as the plain-text tables `pulse evaluate-effects` shows and docs/EFFECTS.md quotes.</summary>
public static class EffectEvaluationText
{
    private const int LabelWidth = 34, ColumnWidth = 16;

    public static string Format(EffectEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var e = s.Estimator;
        var text = new StringBuilder();
        Line(text, $"effects evaluation: {s.Worlds} world(s), seeds {s.Seed}–{s.Seed + s.Worlds - 1}; estimator: up to {e.MaxPreWaves} pre and {e.MaxPostWaves} post waves, {e.Neighbours} nearest placebos");
        foreach (var world in report.WorldSummaries)
        {
            Line(text, $"  {world}");
        }

        foreach (var point in report.Points)
        {
            text.Append('\n');
            Line(text, $"== {point.Label}");
            var groups = new[] { point.Overall }.Concat(point.ByBand).ToList();
            Row(text, "", groups.Select(g => g.Group));
            Row(text, "effects (intervention x construct)", groups.Select(g => $"{g.Effects}"));
            Row(text, "coverage of the true effect", groups.Select(g => Pct(g.Coverage)));
            Row(text, "zero effect labelled impr./worse", groups.Select(g => $"{Pct(g.ZeroLabelled)} of {g.ZeroEffects}"));
            Row(text, "bias at zero, pressure", groups.Select(g => Num(g.PressureBias)));
            Row(text, "  before/after, same rows", groups.Select(g => Num(g.PressureNaiveBias)));
            Row(text, "bias at zero, speak-up", groups.Select(g => Num(g.SpeakUpBias)));
            Row(text, "  before/after, same rows", groups.Select(g => Num(g.SpeakUpNaiveBias)));
            Row(text, "mean interval width", groups.Select(g => Width(g.MeanWidth)));
            Row(text, "  oracle (post sampling only)", groups.Select(g => Width(g.OracleWidth)));
            Row(text, "  ratio", groups.Select(g => Ratio(g.WidthRatio)));
            Row(text, $"  floor ratio, <= {e.MaxPreWaves} pre waves", groups.Select(g => Ratio(g.FloorRatio)));
            Row(text, "  floor ratio, all pre waves", groups.Select(g => Ratio(g.FloorRatioAllPre)));
            Row(text, $"  exact floor, <= {e.MaxPreWaves} pre waves", groups.Select(g => Ratio(g.ExactRatio)));
            Row(text, "    its coverage, zero labelled", groups.Select(g => Honesty(g.Exact)));
            Row(text, "  exact floor, all pre waves", groups.Select(g => Ratio(g.ExactRatioAllPre)));
            Row(text, "    its coverage, zero labelled", groups.Select(g => Honesty(g.ExactAllPre)));
            Row(text, EffectReasonTexts.Verdict(EffectVerdict.Inconclusive, Language.En), groups.Select(g => Pct(g.InconclusiveShare)));
            Row(text, $"power (true effect >= {EffectMetrics.PowerSize:0.00})", groups.Select(g => $"{Pct(g.Power)} of {g.PowerEffects}"));
            var reasons = point.Effects.Where(x => !x.Effect.IsConclusive).GroupBy(x => x.Effect.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            Line(text, $"inconclusive by reason: {string.Join(", ", reasons)}");
            Line(text, $"pooled per type (estimate [95% interval] vs true mean of the units pooled):");
            foreach (var type in point.Pooled.GroupBy(p => (p.Pooled.Type, p.Pooled.Construct)))
            {
                var cells = type.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Pooled.Estimate:+0.000;-0.000} [{p.Pooled.CiLow:+0.000;-0.000}, {p.Pooled.CiHigh:+0.000;-0.000}] vs {p.TrueMean:+0.000;-0.000}{(p.Covered ? "" : " NOT COVERED")}"));
                Line(text, $"  {type.Key.Type,-20} {EffectWords.Id(type.Key.Construct),-9} {string.Join(" | ", cells)}");
            }

            foreach (var target in point.Targets)
            {
                Line(text, $"[{(target.Met ? "met" : "NOT met")}] {target.Description}");
            }
        }

        text.Append('\n');
        Line(text, $"result (as of the last wave): {(report.Passed ? "all targets met" : "TARGETS NOT MET")}");
        Line(text, $"time: simulation {report.SimulationTime.TotalSeconds:0.0} s, estimation {report.EstimationTime.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static string Pct(double x) => double.IsNaN(x) ? "-" : x.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Honesty(ExactFloorMetrics m) => $"{Pct(m.Coverage)}, {Pct(m.ZeroLabelled)}";

    private static string Num(double x) => double.IsNaN(x) ? "-" : x.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Width(double x) => double.IsNaN(x) ? "-" : x.ToString("0.000", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, string label, IEnumerable<string> cells) =>
        text.Append(label.PadRight(LabelWidth)).Append(string.Concat(cells.Select(c => c.PadRight(ColumnWidth)))).Append('\n');

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
