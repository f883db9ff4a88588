using System.Globalization;
using PulsePipeline.Lab.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>One world of the grid over all its seeds: the effects, their measures overall and per size band, pooled types, targets.</summary>
public sealed record EffectCellResult(EffectGridCell Cell, IReadOnlyList<EvaluatedEffect> Effects, IReadOnlyList<PooledEvaluation> Pooled, IReadOnlyList<WorldSummary> Worlds)
{
    /// <summary>The 95% intervals must cover between these shares of true effects: over-coverage wastes width and power.</summary>
    public const double MinCoverage = 0.93, MaxCoverage = 0.97;

    public const double MaxZeroLabelled = 0.05, MaxBias = 0.03, MaxInconclusive = 0.15;

    private readonly Lazy<EffectMetrics> overall = new(() => EffectMetrics.Of("all", Effects));
    private readonly Lazy<IReadOnlyList<EffectMetrics>> byBand = new(() => [.. EvaluatedEffect.Bands.Select(b => EffectMetrics.Of(b, [.. Effects.Where(e => e.Band == b)]))]);

    public EffectMetrics Overall => overall.Value;

    public IReadOnlyList<EffectMetrics> ByBand => byBand.Value;

    public static bool Calibrated(double coverage) => coverage >= MinCoverage && coverage <= MaxCoverage;

    /// <param name="minJudged">Bands with fewer conclusive effects are judged with the grid's other small bands (<see cref="EffectEvaluationReport"/>).</param>
    public IReadOnlyList<EvaluationTarget> Targets(int minJudged)
    {
        var all = Overall;
        var judged = ByBand.Where(b => b.Conclusive >= minJudged).ToList();
        var pooled = Pooled.Where(p => p.Pooled.IsConclusive).ToList();
        var name = Cell.Name;
        return
        [
            Target($"{name}: coverage {all.Coverage:0.0%} in 93-97%", Calibrated(all.Coverage)),
            Target($"{name}: coverage per size band in 93-97% ({string.Join(", ", judged.Select(b => $"{b.Group} {b.Coverage:0.0%}"))})", judged.All(b => Calibrated(b.Coverage))),
            Target($"{name}: zero effects labelled {all.ZeroLabelled:0.0%} <= 5%", all.ZeroLabelled <= MaxZeroLabelled),
            Target($"{name}: bias at zero {all.Pressure.Estimate:+0.000;-0.000} (pressure), {all.SpeakUp.Estimate:+0.000;-0.000} (speak-up) within ±0.03", Math.Abs(all.Pressure.Estimate) <= MaxBias && Math.Abs(all.SpeakUp.Estimate) <= MaxBias),
            Target($"{name}: inconclusive {all.InconclusiveShare:0.0%} <= 15%", all.InconclusiveShare <= MaxInconclusive),
            Target($"{name}: every pooled type interval covers its true mean ({pooled.Count(p => p.Covered)} of {pooled.Count})", pooled.All(p => p.Covered)),
        ];
    }

    private static EvaluationTarget Target(FormattableString text, bool met) => new(text.ToString(CultureInfo.InvariantCulture), met);
}
