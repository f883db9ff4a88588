namespace PulsePipeline.Models.Effects;

/// <summary>
/// What an inconclusive effect lacks, as counts the estimator computed, so that the digest, the workspace and
/// <c>pulse effects</c> word the same numbers from stored data. Each is null where its reason does not count it.
/// </summary>
/// <param name="MoreWaves">Further published waves of the unit the estimator expects to make the effect conclusive (no post wave yet: 1; too wide: from the width); 0 when more than the estimate would still use.</param>
/// <param name="PreWaves">Published waves before the start short of the minimum.</param>
/// <param name="ComparisonUnits">Comparison units without an intervention short of the minimum (0 when only windows are short).</param>
/// <param name="ComparisonWindows">Placebo windows short of the minimum (0 when only units are short).</param>
/// <param name="Units">A pooled effect: units with a conclusive estimate short of the two needed.</param>
public sealed record EffectShortfall(int? MoreWaves = null, int? PreWaves = null, int? ComparisonUnits = null, int? ComparisonWindows = null, int? Units = null)
{
    public static EffectShortfall None { get; } = new();
}
