using PulsePipeline.Models.Effects;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// An intervention the digest reports on: where its unit sits, how many of the organisation's published waves have
/// passed since its start (this one included), and its effect on each construct as known at this wave.
/// </summary>
public sealed record DigestEffect(IReadOnlyList<string> Path, PlannedIntervention Intervention, int WavesSinceStart, IReadOnlyList<InterventionEffect> Effects);
