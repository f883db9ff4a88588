namespace PulsePipeline.Models.Effects.Plans;

/// <summary>A member the plan's estimate counted, with the wave ids its own mean effect was taken over.</summary>
public sealed record PlanMemberWindow(string Unit, string StartWave, IReadOnlyList<string> Waves);
