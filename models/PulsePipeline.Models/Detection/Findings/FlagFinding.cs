namespace PulsePipeline.Models.Detection.Findings;

/// <summary>
/// One thing that needs attention in a wave: a flagged unit whose flag no flagged unit below it explains, and the
/// flagged units above it whose flags it explains (nearest first), which belong to this finding rather than being
/// findings of their own.
/// </summary>
public sealed record FlagFinding(string Unit, IReadOnlyList<string> Explains);
