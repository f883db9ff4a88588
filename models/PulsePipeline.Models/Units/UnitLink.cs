namespace PulsePipeline.Models.Units;

/// <summary>A unit and its parent (null or empty for the root), with the input line it came from.</summary>
public sealed record UnitLink(string Id, string? Parent, int Line = 0);
