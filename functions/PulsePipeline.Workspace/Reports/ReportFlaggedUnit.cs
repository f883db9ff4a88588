using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// A unit within the ministry that the detector flagged at least once in the report's period: the waves it was flagged
/// in, its last flag, and, when that flag was explained by a flagged unit below it, the finding it belongs to.
/// </summary>
public sealed record ReportFlaggedUnit(string Unit, string Name, IReadOnlyList<string> Waves, FlagRow Last)
{
    public (string Unit, string Name)? ExplainedBy { get; init; }
}
