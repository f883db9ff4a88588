namespace PulsePipeline.Workspace.Pages;

/// <summary>A unit found by name: its id, its name, and the names of the units above it (root excluded), top first.</summary>
public sealed record SearchHit(string Unit, string Name, IReadOnlyList<string> Above);
