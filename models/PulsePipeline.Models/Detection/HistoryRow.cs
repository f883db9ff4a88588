namespace PulsePipeline.Models.Detection;

/// <summary>
/// One published figure of the history: a unit in a wave, as the publication step writes it. A suppressed unit has
/// empty figures (the means and SDs are null); <see cref="Invited"/> is null where no response rate was published.
/// Means and SDs are of respondents' construct scores on the 1–5 scale.
/// </summary>
public sealed record HistoryRow(
    string Wave,
    string Unit,
    int? N,
    int? Invited,
    double? PressureMean,
    double? PressureSd,
    double? SpeakUpMean,
    double? SpeakUpSd)
{
    /// <summary>True when the row carries figures (it was not suppressed).</summary>
    public bool IsPublished => N is > 0 && PressureMean is not null && PressureSd is not null && SpeakUpMean is not null && SpeakUpSd is not null;

    /// <summary>A suppressed row: the unit exists in the wave but has no figures.</summary>
    public static HistoryRow Suppressed(string wave, string unit, int? invited = null) => new(wave, unit, null, invited, null, null, null, null);
}
