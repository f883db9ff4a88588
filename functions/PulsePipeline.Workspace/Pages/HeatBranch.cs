namespace PulsePipeline.Workspace.Pages;

/// <summary>A top-level unit (a ministry) with every unit below it, in tree order: one collapsible block of the heatmap.</summary>
public sealed record HeatBranch(HeatRow Head, IReadOnlyList<HeatRow> Rows);
