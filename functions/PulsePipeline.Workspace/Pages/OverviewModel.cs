using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// The overview of the latest published wave: the findings (flagged units, those whose flag a flagged unit below them
/// explains grouped with it) ranked by the detector's score, each new or flagged since an earlier wave; the root
/// unit's published participation; and the organisation-level flag row. Null wave: nothing is published yet.
/// </summary>
public sealed record OverviewModel(PublishedWave? Wave, PublishedRow? Root, FlagRow? Organisation, IReadOnlyList<FlaggedUnit> Flagged);
