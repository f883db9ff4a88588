using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// The detector's verdict on one unit in one wave. Changes are against the unit's own earlier waves with the
/// organisation-wide change of the wave taken out; positive pressure change and negative speak-up change are adverse.
/// Uncertainties are 95% margins (±1.96 standard errors) that follow the unit's n and SDs. Values are null when the
/// unit was not scored (see <see cref="Status"/>).
/// </summary>
public sealed record UnitFlag(
    string Wave,
    string Unit,
    UnitFlagStatus Status,
    int? N,
    bool Flagged,
    double? Score,
    double? PressureChange,
    double? PressureUncertainty,
    double? SpeakUpChange,
    double? SpeakUpUncertainty,
    IReadOnlyList<Reason> Reasons)
{
    /// <summary>The reasons as one line in English, as the flags CSV shows them; the digest words them in its own language.</summary>
    public string ReasonText => ReasonTexts.Describe(Reasons, Language.En);
}
