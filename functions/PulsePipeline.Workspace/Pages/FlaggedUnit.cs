using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A finding of a wave: a flagged unit with its flag row and name as published in that wave, the first wave of its
/// current run of flags (<see cref="Since"/> equals the flag's wave when it is new), and the flagged units above it
/// whose flags it explains (nearest first), which are listed with it rather than as findings of their own, and where it
/// sits (<see cref="Above"/>).
/// </summary>
public sealed record FlaggedUnit(string Unit, string Name, FlagRow Flag)
{
    public string Since { get; init; } = Flag.Wave;

    public bool IsNew => Since == Flag.Wave;

    public IReadOnlyList<(string Unit, string Name)> Explains { get; init; } = [];

    /// <summary>The names of the units above it, the root left out, top first: where it sits.</summary>
    public IReadOnlyList<string> Above { get; init; } = [];
}
