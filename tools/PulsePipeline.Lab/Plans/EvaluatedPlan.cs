using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Plans;

/// <summary>
/// One plan's estimate on one construct next to its truth (the mean over the counted members of each one's mean true
/// effect over the waves it was counted for) and the width of an oracle that knows every counted member's counterfactual
/// over those waves, so that only their published means' sampling noise is left.
/// </summary>
public sealed record EvaluatedPlan(int World, SimulatedPlan Plan, PlanEffect Effect, double Truth, double OracleWidth)
{
    /// <summary>The design floor's width: the plan's own comparison with every counterfactual level known (sampling noise only).</summary>
    public double FloorWidth { get; init; }

    /// <summary>The design floor with the members' baselines as noisy as the estimator's (the mean of its baseline waves).</summary>
    public double BaselineFloorWidth { get; init; }

    public bool Covered => Effect.CiLow is { } lo && Effect.CiHigh is { } hi && lo <= Truth && Truth <= hi;

    public bool Labelled => Effect.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened;

    /// <summary>The true effect in the improving direction (pressure down, speak-up up).</summary>
    public double Improving => Effect.Construct == Construct.Pressure ? -Truth : Truth;

    public double Width => Effect.CiHigh!.Value - Effect.CiLow!.Value;

    public double SquaredError => Math.Pow(Effect.Estimate!.Value - Truth, 2);
}
