using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The effect of one intervention on one construct, in published scale points (observed minus counterfactual; pressure
/// down or speak-up up is an improvement). An inconclusive effect has no estimate or interval, and says why
/// (<see cref="Reason"/>, <see cref="ReasonText"/>) and what would make it conclusive (<see cref="ConclusiveWhen"/>, a whole
/// phrase such as "conclusive with one more published wave of the unit" or "cannot become conclusive: …").
/// </summary>
public sealed record InterventionEffect(
    PlannedIntervention Intervention,
    Construct Construct,
    IReadOnlyList<string> PostWaves,
    int PreWaves,
    double? Estimate,
    double? CiLow,
    double? CiHigh,
    EffectVerdict Verdict,
    InconclusiveReason Reason,
    string ReasonText,
    string ConclusiveWhen)
{
    /// <summary>The observed mean over the post waves, minus the organisation-wide reference (null when inconclusive).</summary>
    public double? ObservedDeviation { get; init; }

    /// <summary>The counterfactual deviation: what the unit would have shown without the intervention.</summary>
    public double? CounterfactualDeviation { get; init; }

    /// <summary>What a naive before/after comparison says on the same rows (post mean minus mean of the pre waves used).</summary>
    public double? BeforeAfter { get; init; }

    /// <summary>Standard error of the estimate (from the comparison placebos' spread), used for pooling.</summary>
    public double? StandardError { get; init; }

    /// <summary>The part of <see cref="StandardError"/> that comes from estimating the selection correction; shared by units with similar histories.</summary>
    public double? CorrectionError { get; init; }

    /// <summary>Comparison units and placebo windows the interval came from.</summary>
    public int ComparisonUnits { get; init; }

    public int Placebos { get; init; }

    /// <summary>Median respondents over the unit's published waves up to the as-of wave (0 when it has none).</summary>
    public double MedianRespondents { get; init; }

    public bool IsConclusive => Verdict != EffectVerdict.Inconclusive;

    /// <summary>One line in words, for a digest or a page: the estimate with its interval and what it means.</summary>
    public string Summary => EffectWords.Describe(this);
}
