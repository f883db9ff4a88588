using System.Globalization;
using PulsePipeline.Lab.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>What `pulse evaluate-effects` measured: every cell of the grid, and the targets over them.</summary>
public sealed record EffectEvaluationReport(EffectEvaluationSettings Settings, IReadOnlyList<EffectCellResult> Cells, TimeSpan Time)
{
    /// <summary>Aim for the default world: the estimator's width at most this much above the exact floor's.</summary>
    public const double MaxAboveFloor = 1.10;

    public IReadOnlyList<EvaluationTarget> Targets =>
        [.. Cells.SelectMany(c => c.Targets(Settings.MinJudged)), .. SmallBands(), .. WidthAim()];

    public bool Passed => Targets.All(t => t.Met);

    /// <summary>Per size band, the cells' bands too small to judge alone, judged together.</summary>
    public IReadOnlyList<EffectMetrics> SmallBandsPooled => [.. EvaluatedEffect.Bands.Select(b => EffectMetrics.Of(b, [.. Cells.Where(c => c.ByBand.Single(x => x.Group == b).Conclusive < Settings.MinJudged).SelectMany(c => c.Effects.Where(e => e.Band == b))]))];

    private IEnumerable<EvaluationTarget> SmallBands() => SmallBandsPooled.Where(b => b.Conclusive > 0).Select(b =>
        new EvaluationTarget(string.Create(CultureInfo.InvariantCulture, $"{b.Group} in the cells too small to judge it alone, together: coverage {b.Coverage:0.0%} of {b.Conclusive} in 93-97%"), EffectCellResult.Calibrated(b.Coverage)));

    private IEnumerable<EvaluationTarget> WidthAim() => Cells.Where(c => c.Cell.Name == EffectGrid.DefaultName && c.Overall.Widths.FloorEffects > 0).Select(c =>
        new EvaluationTarget(string.Create(CultureInfo.InvariantCulture, $"default world: width {c.Overall.Widths.AboveFloor:0.00}x the exact floor's <= {MaxAboveFloor:0.00}x"), c.Overall.Widths.AboveFloor <= MaxAboveFloor));
}
