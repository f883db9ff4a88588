namespace PulsePipeline.Workspace.Rendering;

/// <summary>One wave of a unit's trend in one construct: its published mean and the interval of that mean (all null when suppressed).</summary>
public sealed record TrendPoint(string Wave, double? Mean, double? Low, double? High);
