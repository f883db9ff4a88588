using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The effect of one intervention type on one construct, pooled over the units where it was conclusive (precision
/// weights with a random-effects between-unit variance). Inconclusive when fewer than <see cref="EffectPooling.MinUnits"/> units
/// could be pooled: too few to say anything about the type in general.
/// </summary>
public sealed record PooledEffect(
    string Type,
    Construct Construct,
    int Units,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    EffectVerdict Verdict)
{
    /// <summary><see cref="InconclusiveReason.TooFewUnits"/> when inconclusive, with the units short in <see cref="Missing"/>.</summary>
    public InconclusiveReason Reason { get; init; }

    public EffectShortfall Missing { get; init; } = EffectShortfall.None;

    /// <summary>Why it is inconclusive, in English (<c>pulse effects</c>); empty when conclusive.</summary>
    public string ReasonText => IsConclusive ? "" : EffectReasonTexts.Why(this, Language.En).ToString();

    /// <summary>The between-unit standard deviation of the true effects (DerSimonian–Laird), 0 when they look alike.</summary>
    public double? BetweenUnitSd { get; init; }

    /// <summary>The type's interventions that were inconclusive on this construct, and so not pooled.</summary>
    public int Inconclusive { get; init; }

    public bool IsConclusive => Verdict != EffectVerdict.Inconclusive;

    /// <summary>False for a type outside the catalogue, pooled under its own id (an auditor's or another registry's label).</summary>
    public bool InCatalogue => InterventionTypes.IsKnown(Type);
}
