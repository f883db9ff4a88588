using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>The evaluation's measures over a set of estimated effects (a cell, or one size band of it).</summary>
public sealed record EffectMetrics(
    string Group,
    int Effects,
    int Conclusive,
    double Coverage,
    int ZeroEffects,
    double ZeroLabelled,
    Bias Pressure,
    Bias SpeakUp,
    double InconclusiveShare,
    Widths Widths,
    int PowerEffects,
    double Power,
    double PredictedPower,
    int DetectableEffects,
    double DetectableFound)
{
    /// <summary>True effects at least this large (in the improving direction) count for power: the size the workspace asks about.</summary>
    public const double PowerSize = SizeBandPower.Improvement;

    /// <summary>The binomial standard error of <see cref="Coverage"/> (the intervals taken as independent).</summary>
    public double CoverageSe => Conclusive == 0 ? double.NaN : Math.Sqrt(Coverage * (1 - Coverage) / Conclusive);

    public static EffectMetrics Of(string group, IReadOnlyList<EvaluatedEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var conclusive = effects.Where(e => e.Effect.IsConclusive).ToList();
        var zero = conclusive.Where(e => e.Truth == 0).ToList();
        var powered = effects.Where(e => e.Improvement >= PowerSize).ToList();
        var detectable = conclusive.Where(e => e.Effect.DetectableImprovement is { } d && e.Improvement >= d).ToList();
        return new EffectMetrics(
            group,
            effects.Count,
            conclusive.Count,
            Share(conclusive, e => e.Covered),
            zero.Count,
            Share(zero, e => e.Effect.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened),
            Bias.Of(zero.Where(e => e.Effect.Construct == Construct.Pressure)),
            Bias.Of(zero.Where(e => e.Effect.Construct == Construct.SpeakUp)),
            effects.Count == 0 ? 0 : 1 - (double)conclusive.Count / effects.Count,
            Widths.Of(conclusive),
            powered.Count,
            Share(powered, e => e.Effect.Verdict == EffectVerdict.Improved),
            Predicted(powered),
            detectable.Count,
            Share(detectable, e => e.Effect.Verdict == EffectVerdict.Improved));
    }

    /// <summary>
    /// The power the effects' own intervals predict (<see cref="SizeBandPower"/>), each at its true improvement and
    /// an inconclusive one as not found: what the workspace's per-band power claims, set beside what was found.
    /// </summary>
    private static double Predicted(List<EvaluatedEffect> powered) =>
        powered.Count == 0 ? double.NaN : powered.Average(e => SizeBandPower.InputOf(e.Effect, e.Improvement).Chance ?? 0);

    internal static double Share(List<EvaluatedEffect> items, Func<EvaluatedEffect, bool> test) => items.Count == 0 ? double.NaN : (double)items.Count(test) / items.Count;
}
