using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// An intervention as stored, with its version (the row's ETag). An update names the version it was made from, so an
/// edit based on an older read is refused as a conflict instead of silently overwriting someone else's change; a form
/// carries it as a hidden field.
/// </summary>
public sealed record StoredIntervention(InterventionRecord Intervention, string Version);
