using System.Globalization;
using System.Text;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>Prints an effect evaluation as the plain-text tables `pulse evaluate-effects` shows and docs/EFFECTS.md quotes.</summary>
public static class EffectEvaluationText
{
    private static readonly string[] WorldColumns = ["world", "waves", "suppressed", "median n", "interventions", "after a flag"];

    public static string Format(EffectEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var e = s.Estimator;
        var text = new StringBuilder();
        Line(text, $"effects evaluation: {s.Cells.Count} worlds x {s.Worlds} seed(s) ({s.Seed}-{s.Seed + s.Worlds - 1}), as of each world's last wave; estimator: up to {e.MaxPreWaves} pre and {e.MaxPostWaves} post waves, {e.Neighbours} nearest placebos, intervals at {e.IntervalLevel:0%} of comparison windows");
        Line(text, $"a band with fewer than {s.MinJudged} conclusive effects is judged with the other small bands of its size (below); +-: the binomial SE of a coverage");
        Worlds(text, report);
        Calibration(text, report);
        WidthAndPower(text, report);
        Pooled(text, report);
        text.Append('\n');
        var missed = report.Targets.Where(t => !t.Met).ToList();
        foreach (var target in missed)
        {
            Line(text, $"[NOT met] {target.Description}");
        }

        Line(text, $"result: {(missed.Count == 0 ? $"all {report.Targets.Count} targets met" : $"{missed.Count} of {report.Targets.Count} TARGETS NOT MET")}");
        Line(text, $"time: {report.Time.TotalSeconds:0} s");
        return text.ToString();
    }

    private static void Worlds(StringBuilder text, EffectEvaluationReport report)
    {
        var rows = new List<string[]> { WorldColumns };
        foreach (var c in report.Cells)
        {
            var w = c.Worlds;
            rows.Add([c.Cell.Name, $"{w[0].Waves}", Pct(w.Average(x => x.Suppressed)), Num(w.Average(x => x.MedianRespondents), "0"), Num(w.Average(x => x.Interventions), "0") + "/world", Pct(w.Sum(x => x.AfterFlag) / (double)Math.Max(1, w.Sum(x => x.Interventions)))]);
        }

        Table(text, rows);
    }

    private static void Calibration(StringBuilder text, EffectEvaluationReport report)
    {
        var rows = new List<string[]> { (string[])["coverage of the true effect", "all", .. EvaluatedEffect.Bands, "zero labelled", "bias p (b/a)", "bias s (b/a)", EffectReasonTexts.Verdict(EffectVerdict.Inconclusive, Language.En)] };
        foreach (var c in report.Cells)
        {
            var a = c.Overall;
            rows.Add([c.Cell.Name, Coverage(a, 0), .. c.ByBand.Select(b => Coverage(b, report.Settings.MinJudged)), $"{Pct(a.ZeroLabelled)} of {a.ZeroEffects}", Bias(a.Pressure), Bias(a.SpeakUp), Pct(a.InconclusiveShare)]);
        }

        rows.Add(["* bands judged together", "", .. report.SmallBandsPooled.Select(b => Coverage(b, 0)), "", "", "", ""]);
        Table(text, rows);
    }

    private static void WidthAndPower(StringBuilder text, EffectEvaluationReport report)
    {
        var rows = new List<string[]> { (string[])["width and power", "width", "/oracle", "floor/oracle", "/floor", "floor cov.", .. EvaluatedEffect.Bands.Select(b => $"power {b}"), "detectable"] };
        foreach (var c in report.Cells)
        {
            var (a, w) = (c.Overall, c.Overall.Widths);
            rows.Add([c.Cell.Name, Num(w.Estimator, "0.000"), Ratio(w.OracleRatio), Ratio(w.FloorRatio), Ratio(w.AboveFloor), Pct(w.FloorCoverage), .. c.ByBand.Select(b => $"{Pct(b.Power)}/{Pct(b.PredictedPower)} of {b.PowerEffects}"), $"{Pct(a.DetectableFound)} of {a.DetectableEffects}"]);
        }

        Table(text, rows);

        var bands = EvaluatedEffect.Bands.Select(b => EffectMetrics.Of(b, [.. report.Cells.SelectMany(c => c.Effects.Where(e => e.Band == b))]));
        Line(text, $"power over the grid, found/predicted: {string.Join(", ", bands.Select(b => $"{b.Group} {Pct(b.Power)}/{Pct(b.PredictedPower)} of {b.PowerEffects}"))}");
        Line(text, $"power: effects with a true improvement of at least {EffectMetrics.PowerSize:0.00} labelled improved / predicted by their own intervals (SizeBandPower, as the workspace shows it); detectable: of the effects whose true improvement was at least the size the interval says would likely (4 in 5) be detected, the share labelled improved");
    }

    private static void Pooled(StringBuilder text, EffectEvaluationReport report)
    {
        var missed = report.Cells.SelectMany(c => c.Pooled.Where(p => p.Pooled.IsConclusive && !p.Covered).Select(p => (c.Cell.Name, p))).ToList();
        var all = report.Cells.Sum(c => c.Pooled.Count(p => p.Pooled.IsConclusive));
        text.Append('\n');
        Line(text, $"pooled per type and construct: {all - missed.Count} of {all} intervals cover the true mean of the units pooled");
        foreach (var (cell, p) in missed)
        {
            Line(text, $"  not covered: {cell}, seed {p.Seed}, {p.Pooled.Type} {EffectWords.Id(p.Pooled.Construct)}: {p.Pooled.Estimate:+0.000;-0.000} [{p.Pooled.CiLow:+0.000;-0.000}, {p.Pooled.CiHigh:+0.000;-0.000}] vs {p.TrueMean:+0.000;-0.000} ({p.Pooled.Units} units)");
        }
    }

    private static string Coverage(EffectMetrics m, int minJudged) => m.Conclusive == 0
        ? "-"
        : string.Create(CultureInfo.InvariantCulture, $"{m.Coverage * 100:0.0}+-{m.CoverageSe * 100:0.0} ({m.Conclusive}){(m.Conclusive < minJudged ? "*" : "")}");

    private static string Bias(Bias b) => $"{Signed(b.Estimate, 3)} ({Signed(b.BeforeAfter, 2)})";

    private static string Pct(double x) => double.IsNaN(x) ? "-" : x.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Num(double x, string format) => double.IsNaN(x) ? "-" : x.ToString(format, CultureInfo.InvariantCulture);

    // Rounded first: a sectioned format prints a negative value that rounds to zero, -0.0004, as "-+0.000".
    private static string Signed(double x, int decimals) => Num(Math.Round(x, decimals) + 0.0, decimals == 2 ? "+0.00;-0.00;+0.00" : "+0.000;-0.000;+0.000");

    private static string Ratio(double x) => double.IsNaN(x) ? "-" : x.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    /// <summary>Columns as wide as their widest cell, the first (the world's name) left and the others after it.</summary>
    private static void Table(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows.Max(r => r.Length)).Select(i => rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        text.Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).Append('\n');
        }
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
