using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>One simulated world: the published history, the interventions as IPIM recorded them, and their truth.</summary>
public sealed record EffectWorld(EffectWorldSettings Settings, IReadOnlyList<string> Waves, IReadOnlyList<HistoryRow> Rows, IReadOnlyList<SimulatedIntervention> Interventions)
{
    public IReadOnlyList<PlannedIntervention> Planned => [.. Interventions.Select(i => i.Intervention)];
}
