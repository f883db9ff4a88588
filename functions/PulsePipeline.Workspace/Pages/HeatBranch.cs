namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A top-level unit (a ministry) with the units below it shown, in tree order: one collapsible block of the heatmap.
/// <see cref="FlaggedNow"/> counts the flagged units in its whole subtree (itself included) in the window's newest
/// wave, so a collapsed ministry says whether anything inside needs a look.
/// </summary>
public sealed record HeatBranch(HeatRow Head, IReadOnlyList<HeatRow> Rows, int FlaggedNow);
