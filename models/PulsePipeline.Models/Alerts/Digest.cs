using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// One wave's message to IPIM: the organisation-level change (if significant), the units raised this wave, and how
/// many stay flagged without having worsened (raised before, not repeated).
/// </summary>
public sealed record Digest(string WaveId, OrganisationChange? Organisation, IReadOnlyList<DigestUnit> Raised, int StillFlagged, int K)
{
    public bool HasNews => Raised.Count > 0 || Organisation is { Significant: true };
}
