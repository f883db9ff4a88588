namespace PulsePipeline.Models.Detection;

/// <summary>
/// The change the whole organisation made from the previous wave to this one, estimated robustly (a weighted median
/// over units) so that the few units that really moved do not drive it. It is taken out of every unit's change and
/// reported here once instead of as hundreds of unit flags. Null figures mean too few units to estimate it.
/// </summary>
public sealed record OrganisationChange(
    string Wave,
    int Units,
    double? PressureChange,
    double? PressureUncertainty,
    double? SpeakUpChange,
    double? SpeakUpUncertainty,
    bool Significant)
{
    /// <summary>True when the significant part of the change is adverse (pressure up or speak-up safety down).</summary>
    public bool Adverse { get; init; }

    /// <summary>The change in words, e.g. "organisation-wide pressure +0.30 (±0.03) since the previous wave".</summary>
    public string Description { get; init; } = "";
}
