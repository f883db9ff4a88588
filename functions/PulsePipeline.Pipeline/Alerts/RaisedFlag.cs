using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Alerts;

/// <summary>A finding of the wave as the digest builder gets it: its flag row, the first wave of its run, and the keys of the flagged units above it whose flags it explains.</summary>
public sealed record RaisedFlag(FlagEntity Flag, string Since, IReadOnlyList<string> Explains);
