namespace PulsePipeline.Models.Effects;

/// <summary>
/// A unit's size band by the median respondents of its published waves: below 10, 10–19, 20 and more. The estimator
/// calibrates its interval per band (<see cref="NeighbourCorrection"/>) and the evaluation reports coverage and power per band.
/// </summary>
public static class SizeBand
{
    public static readonly IReadOnlyList<string> Names = ["n<10", "n 10-19", "n>=20"];

    /// <summary>0, 1 or 2 for a unit with this median of respondents.</summary>
    public static int Of(double medianRespondents) => medianRespondents < 10 ? 0 : medianRespondents < 20 ? 1 : 2;
}
