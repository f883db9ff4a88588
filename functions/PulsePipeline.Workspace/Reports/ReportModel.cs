using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// One ministry's report over a range of its published waves: its own rows (participation, levels; changes only
/// between two of its own waves), the findings within it in the last wave (<see cref="Findings"/>), every unit within
/// it flagged in the period (<see cref="Flagged"/>), the units withheld in the last wave and why, and its units'
/// interventions with their effects as of the last wave of the range, the randomised plans' results first. Names are as published in the last wave.
/// </summary>
public sealed record ReportModel(
    string Unit,
    string Name,
    string From,
    string To,
    IReadOnlyList<PublishedRow> Rows,
    IReadOnlyList<ReportFlaggedUnit> Flagged,
    IReadOnlyList<StoredIntervention> Interventions,
    IReadOnlyList<EffectRow> Effects,
    IReadOnlyDictionary<string, string> Names)
{
    public IReadOnlyList<FlaggedUnit> Findings { get; init; } = [];

    /// <summary>The drawn rollout plans with a member within the ministry, and their randomised results as of the last wave.</summary>
    public IReadOnlyList<ReportPlan> Plans { get; init; } = [];

    /// <summary>The ministry's own flag rows in the period (for the marks on its trend charts).</summary>
    public IReadOnlyList<FlagRow> OwnFlags { get; init; } = [];

    public IReadOnlyList<(string Unit, string Name, SuppressionReason? Why)> Withheld { get; init; } = [];
}
