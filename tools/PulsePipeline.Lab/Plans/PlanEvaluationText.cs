using System.Globalization;
using System.Text;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Plans;

/// <summary>Prints a plan evaluation as the plain-text tables `pulse evaluate-plans` shows and docs/PLANS.md quotes.</summary>
public static class PlanEvaluationText
{
    private const int LabelWidth = 36, ColumnWidth = 14;

    public static string Format(PlanEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var text = new StringBuilder();
        Line(text, $"plan evaluation: {s.Worlds} world(s), seeds {s.Seed}-{s.Seed + s.Worlds - 1}, {s.World.World.Units} units x {s.World.World.Waves} waves, {report.Plans.Count / 2} plans ({report.Skipped} skipped: too few eligible units); estimator: baseline <= {report.Estimator.MaxBaselineWaves} waves, {report.Estimator.Redraws} re-draws");
        Row(text, "", ["all", .. s.World.Sizes.Select(n => $"{n} members")]);
        var groups = new[] { report.Plans }.Concat(s.World.Sizes.Select(n => report.Plans.Where(p => p.Plan.Size == n).ToList())).ToList();
        Row(text, "plans x constructs", groups.Select(g => $"{g.Count}"));
        Row(text, "coverage of the true plan effect", groups.Select(g => Pct(PlanEvaluationReport.Share(Conclusive(g), p => p.Covered))));
        Row(text, "  heterogeneous effects", groups.Select(g => Pct(PlanEvaluationReport.Share(Conclusive(g).Where(p => p.Plan.Scenario.StartsWith("heterogeneous", StringComparison.Ordinal)).ToList(), p => p.Covered))));
        Row(text, "  stratified draws", groups.Select(g => Pct(PlanEvaluationReport.Share(Conclusive(g).Where(p => p.Plan.Scenario.EndsWith("stratified", StringComparison.Ordinal)).ToList(), p => p.Covered))));
        Row(text, "mean interval width", groups.Select(g => Num(PlanEvaluationReport.Mean(Conclusive(g).Select(p => p.Width)))));
        Row(text, "  oracle (members' sampling only)", groups.Select(g => Num(PlanEvaluationReport.Mean(Conclusive(g).Select(p => p.OracleWidth)))));
        Row(text, "  design floor (levels known)", groups.Select(g => Num(PlanEvaluationReport.Mean(Conclusive(g).Select(p => p.FloorWidth)))));
        Row(text, "  floor with the baselines' noise", groups.Select(g => Num(PlanEvaluationReport.Mean(Conclusive(g).Select(p => p.BaselineFloorWidth)))));
        Row(text, "  errors' width (3.92 x RMS error)", groups.Select(g => Num(PlanEvaluationReport.ErrorWidth(Conclusive(g)))));
        Row(text, "  width / oracle, floor / oracle", groups.Select(g => Conclusive(g)).Select(g => $"{Ratio(g, p => p.Width)} {Ratio(g, p => p.FloorWidth)}"));
        Row(text, "  floor with baselines / oracle", groups.Select(g => Ratio(Conclusive(g), p => p.BaselineFloorWidth)));
        Row(text, EffectWords.Id(EffectVerdict.Inconclusive), groups.Select(g => Pct(g.Count == 0 ? double.NaN : 1 - (double)Conclusive(g).Count / g.Count)));
        for (var cohorts = s.World.MinCohorts; cohorts <= s.World.MaxCohorts; cohorts++)
        {
            var k = cohorts;
            Row(text, $"{k} cohorts: coverage, width/oracle", groups.Select(g => Conclusive(g).Where(p => p.Plan.Cohorts == k).ToList()).Select(g => $"{Pct(PlanEvaluationReport.Share(g, p => p.Covered))} {Ratio(g, p => p.Width)}"));
        }

        foreach (var effect in s.World.Effects.Where(e => e > 0))
        {
            Row(text, $"power, true effect {effect:0.00}", s.World.Sizes.Select(n => report.Power(n, effect)).Select(p => $"{Pct(p.Power)} of {p.Count}").Prepend(""));
        }

        var reasons = report.Plans.Where(p => !p.Effect.IsConclusive).GroupBy(p => p.Effect.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
        Line(text, $"inconclusive by reason: {string.Join(", ", reasons)}");
        Line(text, $"unobserved shift of {s.Shifted.UnobservedShift:0.00} in every member ({report.Shifted.Count / 2} plans of {s.Shifted.Sizes[0]}, true effect {s.Shifted.Effects[0]:0.00}): mean error (coverage)");
        foreach (var construct in EffectEstimatorConstructs)
        {
            var rows = report.Shifted.Where(x => x.Plan.Construct == construct).ToList();
            Line(text, $"  {(construct == Construct.Pressure ? "pressure" : "speak-up"),-9} plan {Num(report.ShiftedBias(construct, true))} ({Pct(PlanEvaluationReport.Share(rows, x => x.PlanCovered))}), observational pooled {Num(report.ShiftedBias(construct, false))} ({Pct(PlanEvaluationReport.Share(rows, x => x.ObservationalCovered))})");
        }

        foreach (var target in report.Targets)
        {
            Line(text, $"[{(target.Met ? "met" : "NOT met")}] {target.Description}");
        }

        Line(text, $"result: {(report.Passed ? "all targets met" : "TARGETS NOT MET")}");
        Line(text, $"time: simulation {report.SimulationTime.TotalSeconds:0.0} s, plan estimation {report.EstimationTime.TotalSeconds:0.0} s");
        return text.ToString();
    }

    private static readonly Construct[] EffectEstimatorConstructs = [Construct.Pressure, Construct.SpeakUp];

    private static List<EvaluatedPlan> Conclusive(IEnumerable<EvaluatedPlan> plans) => [.. plans.Where(p => p.Effect.IsConclusive)];

    private static string Ratio(List<EvaluatedPlan> plans, Func<EvaluatedPlan, double> width) =>
        (PlanEvaluationReport.Mean(plans.Select(width)) / PlanEvaluationReport.Mean(plans.Select(p => p.OracleWidth))).ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static string Pct(double x) => double.IsNaN(x) ? "-" : x.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Num(double x) => double.IsNaN(x) ? "-" : x.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, string label, IEnumerable<string> cells) =>
        text.Append(label.PadRight(LabelWidth)).Append(string.Concat(cells.Select(c => c.PadRight(ColumnWidth)))).Append('\n');

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
