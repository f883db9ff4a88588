using PulsePipeline.Models.Detection;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// The detector's published verdict on a unit (or, with <see cref="Unit"/> null, on the organisation) in a wave:
/// status, whether it is flagged, its score, each construct's change against the unit's own history with its 95%
/// margin, and the reasons in words (stored English) and structured (worded in the page's language). Read as stored; the workspace computes nothing from it but the change class.
/// </summary>
public sealed record FlagRow(
    string Wave,
    string? Unit,
    string Status,
    bool Flagged,
    double? Score,
    int? N,
    double? PressureChange,
    double? PressureMargin,
    double? SpeakUpChange,
    double? SpeakUpMargin,
    string Reasons,
    string ReasonData = "")
{
    public const string Suppressed = nameof(UnitFlagStatus.Suppressed);
    public const string NotEnoughHistory = nameof(UnitFlagStatus.NotEnoughHistory);

    public bool IsOrganisation => Unit is null;
}
