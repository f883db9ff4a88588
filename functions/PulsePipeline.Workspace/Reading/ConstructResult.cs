namespace PulsePipeline.Workspace.Reading;

/// <summary>A construct's published mean and SD in one unit and wave (both null when suppressed).</summary>
public sealed record ConstructResult(double? Mean, double? Sd);
