using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The overview of the latest published wave: the root unit's published participation, the organisation-level flag
/// row, and the flagged units ranked by score. Null wave: nothing is published yet.
/// </summary>
public sealed record OverviewModel(PublishedWave? Wave, PublishedRow? Root, FlagRow? Organisation, IReadOnlyList<FlaggedUnit> Flagged);
