using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A unit's page: its published rows over all published waves (its own trend), its flags, the latest wave's item
/// counts, where it sits in the tree (path from the root, children) as published in the latest wave it is in, and
/// its status now (<see cref="Status"/>).
/// </summary>
public sealed record UnitModel(
    string Unit,
    string Name,
    IReadOnlyList<PublishedRow> History,
    IReadOnlyList<FlagRow> Flags,
    IReadOnlyList<(string Unit, string Name)> Path,
    IReadOnlyList<PublishedRow> Children,
    PublishedRow? Latest,
    SurveyInstrument? LatestInstrument)
{
    public UnitStatus Status { get; init; } = UnitStatus.None;

    public bool IsRoot => Path.Count == 1;
}
