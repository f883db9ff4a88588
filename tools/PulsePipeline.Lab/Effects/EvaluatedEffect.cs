using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>
/// One estimated effect next to its truth: the true mean effect over the post waves used, the oracle's interval width,
/// the <see cref="WidthFloor"/> from the estimator's pre waves (at most its MaxPreWaves) and from all pre waves, and for a
/// conclusive effect the <see cref="BayesFloor"/> interval from the same two sets of pre waves.
/// </summary>
public sealed record EvaluatedEffect(int World, SimulatedIntervention Simulated, InterventionEffect Effect, double Truth, double OracleWidth, double FloorWidth, double FloorWidthAllPre, FloorInterval? Exact, FloorInterval? ExactAllPre)
{
    public bool Covered => Effect.CiLow is { } lo && Effect.CiHigh is { } hi && lo <= Truth && Truth <= hi;

    /// <summary>Size band by the median respondents of the unit's published waves: below 10, 10–19, 20 and more.</summary>
    public string Band => Effect.MedianRespondents < 10 ? "n<10" : Effect.MedianRespondents < 20 ? "n 10-19" : "n>=20";
}
