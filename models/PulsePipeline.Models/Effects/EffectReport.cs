using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// Everything the estimator found as of one wave: per intervention and construct (Pressure, SpeakUp) an effect, in the
/// order the interventions were given; per type and construct a pooled effect, in catalogue order; the fitted model of
/// the comparison units, so a page can say what the counterfactual rests on; and the rollout plans' effects.
/// </summary>
public sealed record EffectReport(
    string? AsOfWave,
    IReadOnlyList<string> Waves,
    IReadOnlyList<InterventionEffect> Effects,
    IReadOnlyList<PooledEffect> Pooled,
    IReadOnlyList<DeviationModel> Models)
{
    /// <summary>Per rollout plan and construct, the design-based estimate (<see cref="PlanEstimator"/>), plan after plan.</summary>
    public IReadOnlyList<PlanEffect> Plans { get; init; } = [];
}
