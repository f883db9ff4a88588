namespace PulsePipeline.Models.Effects;

/// <summary>
/// A unit's size band by its respondents: below 10, 10–19, 20 and more. The effects evaluation reports coverage and
/// power per band (by the median respondents of the unit's published waves); a rollout plan may stratify its draw by it
/// (by the latest published wave's respondents, <see cref="PulsePipeline.Models.Plans.PlanStrata"/>).
/// </summary>
public static class SizeBand
{
    public static readonly IReadOnlyList<string> Names = ["n<10", "n 10-19", "n>=20"];

    /// <summary>0, 1 or 2 for a unit with this median of respondents.</summary>
    public static int Of(double medianRespondents) => medianRespondents < 10 ? 0 : medianRespondents < 20 ? 1 : 2;
}
