using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The effects as stored at the latest published wave <see cref="AsOf"/>: each type's pooled rows and its units' own
/// rows (with the unit's name), exactly as the estimator stored them.
/// </summary>
public sealed record EffectsModel(string? AsOf, IReadOnlyList<EffectRow> Pooled, IReadOnlyList<EffectRow> UnitEffects, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The rollout plans' randomised effects as stored at <see cref="AsOf"/>, shown first and marked as randomised.</summary>
    public IReadOnlyList<Models.Effects.Plans.PlanEffect> Plans { get; init; } = [];
}
