using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// A finding as the digest raises it: where the unit sits, what moved, its last published waves and what could help;
/// the first wave of its run of flags (<see cref="Since"/>, the flag's own wave when it is new), and the paths of the
/// flagged units above it whose flags it explains (<see cref="Explains"/>), named with it instead of on their own.
/// </summary>
public sealed record DigestUnit(string Unit, IReadOnlyList<string> Path, UnitFlag Flag, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<Suggestion> Suggestions)
{
    public string Since { get; init; } = Flag.Wave;

    public bool IsNew => Since == Flag.Wave;

    public IReadOnlyList<IReadOnlyList<string>> Explains { get; init; } = [];

    /// <summary>The rollout plans the unit is eligible for (registered) or a member of (drawn), mentioned beside the suggestions.</summary>
    public IReadOnlyList<PlanMention> Plans { get; init; } = [];
}
