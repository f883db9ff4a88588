namespace PulsePipeline.Models.Roster;

/// <summary>An organisational unit. The root has no parent.</summary>
public sealed record RosterUnit(string Id, string? Parent, string Name);
