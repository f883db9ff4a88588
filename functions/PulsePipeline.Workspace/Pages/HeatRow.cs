using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>One unit's row of the heatmap: its depth in the tree and its flag row per wave of the window (null: none).</summary>
public sealed record HeatRow(string Unit, string Name, int Depth, IReadOnlyList<FlagRow?> Cells);
