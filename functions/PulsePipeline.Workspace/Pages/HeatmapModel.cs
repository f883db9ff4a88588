using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// One view of the heatmap: one construct over a window of consecutive published waves ending at <see cref="To"/>,
/// the tree as it was in that wave. Earlier and later windows are links (navigation, not aggregation).
/// </summary>
public sealed record HeatmapModel(
    Construct Construct,
    string? To,
    IReadOnlyList<string> Waves,
    string? EarlierTo,
    string? LaterTo,
    bool TableView,
    HeatRow? Root,
    IReadOnlyList<HeatBranch> Branches)
{
    /// <summary>Waves per view: 1,500 units × 6 waves keeps the page a sensible size.</summary>
    public const int Window = 6;
}
