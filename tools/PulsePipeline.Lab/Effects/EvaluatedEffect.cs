using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// One estimated effect next to its truth: the true mean effect over the post waves used, the oracle's interval width and,
/// for the conclusive effects the evaluation computed it for, the <see cref="BayesFloor"/> interval from the same pre waves.
/// </summary>
public sealed record EvaluatedEffect(SimulatedIntervention Simulated, InterventionEffect Effect, double Truth, double OracleWidth, FloorInterval? Exact)
{
    public static IReadOnlyList<string> Bands => SizeBand.Names;

    public bool Covered => Effect.CiLow is { } lo && Effect.CiHigh is { } hi && lo <= Truth && Truth <= hi;

    /// <summary>Size band (<see cref="SizeBand"/>) by the median respondents of the unit's published waves.</summary>
    public string Band => Bands[SizeBand.Of(Effect.MedianRespondents)];

    /// <summary>The true effect in the improving direction (pressure down, speak-up up).</summary>
    public double Improvement => Effect.Construct == Construct.Pressure ? -Truth : Truth;
}
