using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// One wave's message to IPIM: the organisation-level change (if significant), the units raised this wave, and how
/// many stay flagged without having worsened (raised before, not repeated); and the effects of earlier interventions
/// that are news this wave (<see cref="EffectsSection"/>).
/// </summary>
public sealed record Digest(string WaveId, OrganisationChange? Organisation, IReadOnlyList<DigestUnit> Raised, int StillFlagged, int K)
{
    /// <summary>Interventions whose estimate is news this wave (a first estimate, a changed verdict or the final one).</summary>
    public IReadOnlyList<DigestEffect> Effects { get; init; } = [];

    /// <summary>The pooled effect of each type among <see cref="Effects"/>, per construct.</summary>
    public IReadOnlyList<PooledEffect> Pooled { get; init; } = [];

    /// <summary>Interventions whose estimate gained this wave without a change of verdict: counted, not listed.</summary>
    public int EffectsUnchanged { get; init; }

    /// <summary>Rollout plans whose window closed this wave, each reported once with its final effects (<see cref="PlansSection"/>).</summary>
    public IReadOnlyList<DigestPlan> Plans { get; init; } = [];

    /// <summary>An effect that is news is news on its own: IPIM learns what worked even in a wave without flags.</summary>
    public bool HasNews => Raised.Count > 0 || Organisation is { Significant: true } || Effects.Count > 0 || Plans.Count > 0;
}
