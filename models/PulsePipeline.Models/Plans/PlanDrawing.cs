namespace PulsePipeline.Models.Plans;

/// <summary>A plan's draw as recorded: the seed (16 hex digits), who drew it (stable id and display name), the day, and every member.</summary>
public sealed record PlanDrawing(string Seed, string ById, string ByName, DateOnly Day, IReadOnlyList<PlanMember> Members);
