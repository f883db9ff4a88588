namespace PulsePipeline.Lab.Effects;

/// <summary>How the <see cref="BayesFloor"/> intervals of a set of conclusive effects did: their mean width, and whether they are honest (coverage, zero effects labelled).</summary>
public sealed record ExactFloorMetrics(double MeanWidth, double Coverage, double ZeroLabelled)
{
    public static ExactFloorMetrics Of(IReadOnlyList<EvaluatedEffect> conclusive, Func<EvaluatedEffect, FloorInterval?> interval)
    {
        ArgumentNullException.ThrowIfNull(conclusive);
        ArgumentNullException.ThrowIfNull(interval);
        var with = conclusive.Select(e => (e.Truth, Interval: interval(e))).Where(x => x.Interval is not null).Select(x => (x.Truth, Interval: x.Interval!)).ToList();
        var zero = with.Where(x => x.Truth == 0).ToList();
        return new ExactFloorMetrics(
            with.Count == 0 ? double.NaN : with.Average(x => x.Interval.Width),
            with.Count == 0 ? double.NaN : with.Average(x => x.Interval.Holds(x.Truth) ? 1.0 : 0),
            zero.Count == 0 ? double.NaN : zero.Average(x => x.Interval.ExcludesZero ? 1.0 : 0));
    }
}
