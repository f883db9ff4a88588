namespace PulsePipeline.Models.Detection;

/// <summary>
/// What <see cref="ShiftDetector.Detect"/> found: one <see cref="UnitFlag"/> per unit row of every wave (ordered by wave,
/// then unit) and one <see cref="OrganisationChange"/> per wave, each computed only from waves up to its own.
/// </summary>
public sealed record DetectionResult(
    IReadOnlyList<string> Waves,
    IReadOnlyList<UnitFlag> Flags,
    IReadOnlyList<OrganisationChange> Organisation,
    string ModelVersion)
{
    /// <summary>The flags of one wave, ordered by unit.</summary>
    public IReadOnlyList<UnitFlag> FlagsFor(string wave) => Flags.Where(f => f.Wave == wave).ToList();

    /// <summary>The organisation-level change of one wave.</summary>
    public OrganisationChange OrganisationFor(string wave) => Organisation.Single(o => o.Wave == wave);

    public string? LatestWave => Waves.Count > 0 ? Waves[^1] : null;
}
