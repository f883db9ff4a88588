using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>The evaluation's measures over a set of estimated effects (all of them, or one size band).</summary>
public sealed record EffectMetrics(
    string Group,
    int Effects,
    int Conclusive,
    double Coverage,
    int ZeroEffects,
    double ZeroLabelled,
    double PressureBias,
    double PressureNaiveBias,
    double SpeakUpBias,
    double SpeakUpNaiveBias,
    double MeanWidth,
    double OracleWidth,
    double FloorWidth,
    double FloorWidthAllPre,
    ExactFloorMetrics Exact,
    ExactFloorMetrics ExactAllPre,
    double InconclusiveShare,
    int PowerEffects,
    double Power)
{
    /// <summary>True effects at least this large (in the improving direction) count for power.</summary>
    public const double PowerSize = 0.15;

    public double WidthRatio => OracleWidth > 0 ? MeanWidth / OracleWidth : double.NaN;

    /// <summary>The <see cref="WidthFloor"/> against the oracle, as <see cref="WidthRatio"/> is: what no honest method could go below.</summary>
    public double FloorRatio => OracleWidth > 0 ? FloorWidth / OracleWidth : double.NaN;

    public double FloorRatioAllPre => OracleWidth > 0 ? FloorWidthAllPre / OracleWidth : double.NaN;

    /// <summary>The <see cref="BayesFloor"/> width against the oracle, as <see cref="WidthRatio"/> is: the narrowest honest interval.</summary>
    public double ExactRatio => OracleWidth > 0 ? Exact.MeanWidth / OracleWidth : double.NaN;

    public double ExactRatioAllPre => OracleWidth > 0 ? ExactAllPre.MeanWidth / OracleWidth : double.NaN;

    public static EffectMetrics Of(string group, IReadOnlyList<EvaluatedEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var conclusive = effects.Where(e => e.Effect.IsConclusive).ToList();
        var zero = conclusive.Where(e => e.Truth == 0).ToList();
        var powered = effects.Where(e => Improving(e) >= PowerSize).ToList();
        return new EffectMetrics(
            group,
            effects.Count,
            conclusive.Count,
            Share(conclusive, e => e.Covered),
            zero.Count,
            Share(zero, e => e.Effect.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened),
            Mean(zero.Where(e => e.Effect.Construct == Construct.Pressure).Select(e => e.Effect.Estimate!.Value)),
            Mean(zero.Where(e => e.Effect.Construct == Construct.Pressure).Select(e => e.Effect.BeforeAfter!.Value)),
            Mean(zero.Where(e => e.Effect.Construct == Construct.SpeakUp).Select(e => e.Effect.Estimate!.Value)),
            Mean(zero.Where(e => e.Effect.Construct == Construct.SpeakUp).Select(e => e.Effect.BeforeAfter!.Value)),
            Mean(conclusive.Select(e => e.Effect.CiHigh!.Value - e.Effect.CiLow!.Value)),
            Mean(conclusive.Select(e => e.OracleWidth)),
            Mean(conclusive.Select(e => e.FloorWidth)),
            Mean(conclusive.Select(e => e.FloorWidthAllPre)),
            ExactFloorMetrics.Of(conclusive, e => e.Exact),
            ExactFloorMetrics.Of(conclusive, e => e.ExactAllPre),
            effects.Count == 0 ? 0 : 1 - (double)conclusive.Count / effects.Count,
            powered.Count,
            Share(powered, e => e.Effect.Verdict == EffectVerdict.Improved));
    }

    private static double Improving(EvaluatedEffect e) => e.Effect.Construct == Construct.Pressure ? -e.Truth : e.Truth;

    private static double Share(List<EvaluatedEffect> items, Func<EvaluatedEffect, bool> test) => items.Count == 0 ? double.NaN : (double)items.Count(test) / items.Count;

    private static double Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : list.Average();
    }
}
