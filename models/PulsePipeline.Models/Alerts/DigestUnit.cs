using PulsePipeline.Models.Detection;

namespace PulsePipeline.Models.Alerts;

/// <summary>A flagged unit as the digest shows it: where it sits, what moved, its last published waves and what could help.</summary>
public sealed record DigestUnit(string Unit, IReadOnlyList<string> Path, UnitFlag Flag, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<Suggestion> Suggestions)
{
    /// <summary>The rollout plans the unit is eligible for (registered) or a member of (drawn), mentioned beside the suggestions.</summary>
    public IReadOnlyList<PlanMention> Plans { get; init; } = [];
}
