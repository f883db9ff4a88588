namespace PulsePipeline.Models.Effects;

/// <summary>
/// Everything the estimator found as of one wave: per intervention and construct (Pressure, SpeakUp) an effect, in the
/// order the interventions were given; per type and construct a pooled effect, in catalogue order; and the fitted
/// model of the comparison units, so a page can say what the counterfactual rests on.
/// </summary>
public sealed record EffectReport(
    string? AsOfWave,
    IReadOnlyList<string> Waves,
    IReadOnlyList<InterventionEffect> Effects,
    IReadOnlyList<PooledEffect> Pooled,
    IReadOnlyList<DeviationModel> Models);
