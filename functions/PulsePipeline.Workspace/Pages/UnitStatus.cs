using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A unit's status in the latest wave it was published in, as the unit page opens with it: the detector's verdict
/// (<see cref="Flag"/>; for the whole organisation its organisation-wide change, <see cref="Organisation"/>), since
/// when a flag runs, and how it is grouped: explained by a flagged unit below it (<see cref="ExplainedBy"/>, the
/// finding it belongs to) or explaining the flags of units above it (<see cref="Explains"/>).
/// </summary>
public sealed record UnitStatus(string? Wave, FlagRow? Flag)
{
    public static UnitStatus None { get; } = new(null, null);

    public FlagRow? Organisation { get; init; }

    public string? Since { get; init; }

    public (string Unit, string Name)? ExplainedBy { get; init; }

    public IReadOnlyList<(string Unit, string Name)> Explains { get; init; } = [];

    public bool Flagged => Flag is { Flagged: true };
}
