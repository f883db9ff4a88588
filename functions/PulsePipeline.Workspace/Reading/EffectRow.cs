using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// One stored effect as of one published wave: an intervention's effect on a construct in its unit, or (with
/// <see cref="IsPooled"/>) a type's pooled effect, where <see cref="Count"/> is the number of units pooled. Estimate and
/// interval are null when inconclusive; <see cref="Reason"/> then says why (an InconclusiveReason name, or TooFewUnits).
/// <see cref="Key"/> is the stored row key: the figures test finds the row by it.
/// </summary>
public sealed record EffectRow(
    string AsOf,
    string Key,
    bool IsPooled,
    string Unit,
    string InterventionId,
    string Type,
    string StartWave,
    Construct Construct,
    int Count,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    string Verdict,
    string Reason,
    int Inconclusive)
{
    /// <summary>What an inconclusive effect lacks, as stored counts: its reason is worded from these.</summary>
    public EffectShortfall Missing { get; init; } = EffectShortfall.None;

    /// <summary>The estimate's standard error as stored (null when inconclusive): the detectable improvement needs it.</summary>
    public double? StandardError { get; init; }

    /// <summary>What a conclusive effect would likely have shown (<see cref="InterventionEffect.Detectable"/>), or null.</summary>
    public double? DetectableImprovement => Estimate is { } e && CiLow is { } low && CiHigh is { } high && StandardError is { } se
        ? InterventionEffect.Detectable(Construct, e, low, high, se)
        : null;

    /// <summary>Median respondents over the unit's published waves up to the as-of wave, as stored (0: none): its size band.</summary>
    public double MedianRespondents { get; init; }

    /// <summary>The power in the unit's size band on this construct as of the same wave (<see cref="SizeBandPower"/>), or null.</summary>
    public SizeBandPower? BandPower { get; init; }

    public bool IsConclusive => EffectWords.VerdictOf(Verdict) != EffectVerdict.Inconclusive && Estimate is not null && CiLow is not null && CiHigh is not null;
}
