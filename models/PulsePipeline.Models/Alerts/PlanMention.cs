namespace PulsePipeline.Models.Alerts;

/// <summary>
/// A rollout plan a raised unit is in: eligible in a registered plan (not drawn yet), or a member of a drawn one with its
/// drawn start wave (<paramref name="StartWave"/> empty before the draw).
/// </summary>
public sealed record PlanMention(string Plan, string Type, string StartWave);
