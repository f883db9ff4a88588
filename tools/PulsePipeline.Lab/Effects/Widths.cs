namespace PulsePipeline.Lab.Effects;

/// <summary>
/// Mean interval widths of conclusive effects: the estimator's and the oracle's (which knows the counterfactual), and on
/// the effects the exact floor was computed for, the estimator's and the floor's, with the floor's own coverage and
/// false labels at zero (it is honest, so a floor).
/// </summary>
public sealed record Widths(double Estimator, double Oracle, int FloorEffects, double EstimatorOnFloored, double Floor, double FloorOracle, double FloorCoverage, double FloorZeroLabelled)
{
    public double OracleRatio => Oracle > 0 ? Estimator / Oracle : double.NaN;

    /// <summary>The exact floor against the oracle, as <see cref="OracleRatio"/> is.</summary>
    public double FloorRatio => FloorOracle > 0 ? Floor / FloorOracle : double.NaN;

    /// <summary>The estimator's width against the exact floor's on the same effects.</summary>
    public double AboveFloor => Floor > 0 ? EstimatorOnFloored / Floor : double.NaN;

    public static Widths Of(IReadOnlyList<EvaluatedEffect> conclusive)
    {
        ArgumentNullException.ThrowIfNull(conclusive);
        var floored = conclusive.Where(e => e.Exact is not null).ToList();
        var zero = floored.Where(e => e.Truth == 0).ToList();
        return new Widths(
            Mean(conclusive.Select(Width)),
            Mean(conclusive.Select(e => e.OracleWidth)),
            floored.Count,
            Mean(floored.Select(Width)),
            Mean(floored.Select(e => e.Exact!.Width)),
            Mean(floored.Select(e => e.OracleWidth)),
            EffectMetrics.Share(floored, e => e.Exact!.Holds(e.Truth)),
            EffectMetrics.Share(zero, e => e.Exact!.ExcludesZero));
    }

    private static double Width(EvaluatedEffect e) => e.Effect.CiHigh!.Value - e.Effect.CiLow!.Value;

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
