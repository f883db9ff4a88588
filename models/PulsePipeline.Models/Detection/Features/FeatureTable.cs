namespace PulsePipeline.Models.Detection.Features;

/// <summary>The evidence for every unit row of every wave, and the organisation-wide level per wave and construct.</summary>
internal sealed record FeatureTable(
    IReadOnlyList<string> Waves,
    IReadOnlyList<string> Units,
    IReadOnlyList<UnitWaveEvidence> Evidence,
    IReadOnlyList<OrganisationLevel> PressureLevels,
    IReadOnlyList<OrganisationLevel> SpeakUpLevels);
