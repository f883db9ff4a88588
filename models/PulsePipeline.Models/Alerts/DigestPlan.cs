using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Models.Alerts;

/// <summary>A rollout plan whose window closed this wave: its final design-based effects, pressure then speak-up.</summary>
public sealed record DigestPlan(string Plan, string Type, string LastStartWave, IReadOnlyList<PlanEffect> Effects);
