using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// A worded phrase with at most one count in it, kept apart so that a page can show the count as a stored figure
/// (the workspace's provenance rule) while a digest or a console prints <see cref="ToString"/>: the same words either way.
/// </summary>
/// <param name="CountOf">The <see cref="EffectShortfall"/> member the count is, e.g. "MoreWaves"; null without a count.</param>
public sealed record EffectPhrase(string Before, int? Count = null, string After = "", string? CountOf = null)
{
    public Language Language { get; init; }

    public override string ToString() => Count is { } n ? $"{Before}{Numbers.Count(n, Language)}{After}" : Before + After;
}
