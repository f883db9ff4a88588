using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The effect of one intervention on one construct, in published scale points (observed minus counterfactual; pressure
/// down or speak-up up is an improvement). An inconclusive effect has no estimate or interval; <see cref="Reason"/> and
/// the counts in <see cref="Missing"/> say why and what would make it conclusive, worded by <see cref="EffectReasonTexts"/>.
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
    InconclusiveReason Reason)
{
    /// <summary>The standard normal's 80% quantile: power four times in five.</summary>
    private const double Z80 = 0.8416212335729143;

    /// <summary>What an inconclusive effect lacks, as counts (further waves, pre waves, comparison units or windows).</summary>
    public EffectShortfall Missing { get; init; } = EffectShortfall.None;

    /// <summary>Further published waves of the unit the estimator expects to make it conclusive (no post wave yet, or too wide); null otherwise.</summary>
    public int? MoreWavesNeeded => Missing.MoreWaves;

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

    /// <summary>
    /// The smallest true improvement (in scale points) that an interval like this one would label "improved" four times in
    /// five (<see cref="Detectable"/>). What a no-clear-change can still say about power: an improvement this large would
    /// likely have shown. Null when inconclusive. `pulse evaluate-effects` checks the claim on the grid.
    /// </summary>
    public double? DetectableImprovement => Estimate is { } estimate && CiLow is { } low && CiHigh is { } high && StandardError is { } se
        ? Detectable(Construct, estimate, low, high, se)
        : null;

    /// <summary>
    /// The detectable improvement from an effect's estimate, 95% interval and standard error, as a stored row has them:
    /// the interval's half on the improving side plus 0.84 standard errors.
    /// </summary>
    public static double Detectable(Construct construct, double estimate, double low, double high, double standardError) =>
        ImprovingHalf(construct, estimate, low, high) + Z80 * standardError;

    /// <summary>
    /// The chance that an interval like this one labels a true improvement of <paramref name="improvement"/> points
    /// "improved": the estimate, erring by its standard error around the truth, must clear the interval's half on the
    /// improving side. The model behind <see cref="Detectable"/>, where this chance is four in five.
    /// </summary>
    public static double FoundChance(Construct construct, double estimate, double low, double high, double standardError, double improvement)
    {
        var half = ImprovingHalf(construct, estimate, low, high);
        return standardError > 0 ? DetectionMath.NormalCdf((improvement - half) / standardError) : improvement > half ? 1 : 0;
    }

    private static double ImprovingHalf(Construct construct, double estimate, double low, double high) =>
        construct == Construct.Pressure ? high - estimate : estimate - low;

    /// <summary>Why it is inconclusive, in English (<c>pulse effects</c>); other readers use <see cref="EffectReasonTexts"/> in their language.</summary>
    public string ReasonText => EffectReasonTexts.Why(this, Language.En).ToString();

    /// <summary>What would make it conclusive, in English, e.g. "conclusive with 1 more published wave of the unit".</summary>
    public string ConclusiveWhen => EffectReasonTexts.ConclusiveWhen(this, Language.En).ToString();

    /// <summary>One line in English: the estimate with its interval and what it means (<see cref="EffectReasonTexts.Line"/>).</summary>
    public string Summary => EffectReasonTexts.Line(this, Language.En);

}
