using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// One view of the heatmap: one construct over a window of consecutive published waves ending at <see cref="To"/>,
/// newest first in <see cref="Waves"/>, the tree as it was in that wave. Earlier and later windows are links (navigation, not aggregation).
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
    /// <summary>Waves per view: with one construct and the tree limited (<see cref="HeatmapTree"/>), a sensible page at 1,500 units.</summary>
    public const int Window = 6;

    /// <summary>The one ministry whose whole subtree this view shows, or null for all ministries.</summary>
    public string? Under { get; init; }

    /// <summary>True when the view of all ministries stops one level below each (a large organisation).</summary>
    public bool Limited { get; init; }
}
