using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// One ministry's report over a range of its published waves: its own rows (participation, levels; changes only
/// between two of its own waves), the flagged units within it, and its units' interventions with their effects as of
/// the last wave of the range. Names are as published in the last wave.
/// </summary>
public sealed record ReportModel(
    string Unit,
    string Name,
    string From,
    string To,
    IReadOnlyList<PublishedRow> Rows,
    IReadOnlyList<FlagRow> Flags,
    IReadOnlyList<StoredIntervention> Interventions,
    IReadOnlyList<EffectRow> Effects,
    IReadOnlyDictionary<string, string> Names);
