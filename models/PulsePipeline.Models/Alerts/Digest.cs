using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// One wave's message to IPIM: the organisation-level change (if significant), the findings raised this wave (new, or
/// continuing and worse), the findings that stay flagged without having worsened (named, not repeated); and the effects
/// of earlier interventions that are news this wave (<see cref="EffectsSection"/>). Findings group flags as the
/// workspace does (<see cref="Detection.Findings.FlagFindings"/>), so both name the same units new and continuing.
/// </summary>
public sealed record Digest(string WaveId, OrganisationChange? Organisation, IReadOnlyList<DigestUnit> Raised, IReadOnlyList<DigestContinuing> StillFlagged, int K)
{
    /// <summary>Interventions whose estimate is news this wave (a first estimate, a changed verdict or the final one).</summary>
    public IReadOnlyList<DigestEffect> Effects { get; init; } = [];

    /// <summary>The pooled effect of each type among <see cref="Effects"/>, per construct.</summary>
    public IReadOnlyList<PooledEffect> Pooled { get; init; } = [];

    /// <summary>Interventions whose estimate gained this wave without a change of verdict: counted, not listed.</summary>
    public int EffectsUnchanged { get; init; }

    /// <summary>Rollout plans whose window closed this wave, each reported once with its final effects (<see cref="PlansSection"/>).</summary>
    public IReadOnlyList<DigestPlan> Plans { get; init; } = [];

    /// <summary>Findings whose flag began this wave.</summary>
    public int New => Raised.Count(u => u.IsNew);

    /// <summary>Findings flagged since an earlier wave, raised again (worse) or not.</summary>
    public int Continuing => Raised.Count(u => !u.IsNew) + StillFlagged.Count;

    /// <summary>An effect that is news is news on its own: IPIM learns what worked even in a wave without flags.</summary>
    public bool HasNews => Raised.Count > 0 || Organisation is { Significant: true } || Effects.Count > 0 || Plans.Count > 0;
}
