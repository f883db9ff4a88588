using PulsePipeline.Models.Publication;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// One row of the heatmap: a unit with its depth in the tree and its flag row per wave of the window (null: none), or
/// with <see cref="IsOrganisation"/> the whole organisation with the detector's organisation-wide change per wave.
/// <see cref="Withheld"/> says, per wave, why a suppressed unit has no figures (null: not recorded).
/// </summary>
public sealed record HeatRow(string Unit, string Name, int Depth, IReadOnlyList<FlagRow?> Cells)
{
    public bool IsOrganisation { get; init; }

    public IReadOnlyList<SuppressionReason?> Withheld { get; init; } = [];

    public SuppressionReason? WithheldIn(int wave) => wave < Withheld.Count ? Withheld[wave] : null;
}
