namespace PulsePipeline.Workspace.Reading;

/// <summary>A wave whose results are published, with the instrument its items were asked in.</summary>
public sealed record PublishedWave(string Id, string InstrumentVersion);
