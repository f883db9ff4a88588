namespace PulsePipeline.Models.Effects;

/// <summary>
/// A unit's size band by its respondents: below 10, 10–19, 20 and more. The effects evaluation reports coverage and
/// power per band (by the median respondents of the unit's published waves); a rollout plan may stratify its draw by it
/// (by the latest published wave's respondents, <see cref="PulsePipeline.Models.Plans.PlanStrata"/>).
/// </summary>
public static class SizeBand
{
    /// <summary>The respondents at which the middle band and the top band begin.</summary>
    public const int Middle = 10, Top = 20;

    public static readonly IReadOnlyList<string> Names = [$"n<{Middle}", $"n {Middle}-{Top - 1}", $"n>={Top}"];

    /// <summary>0, 1 or 2 for a unit with this median of respondents.</summary>
    public static int Of(double medianRespondents) => medianRespondents < Middle ? 0 : medianRespondents < Top ? 1 : 2;
}
