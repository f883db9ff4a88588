using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The power IPIM can expect in units of one size band: the share of the band's intervention effects on a construct
/// that would be labelled improved if each had a true improvement of <see cref="Improvement"/> points. An effect with an
/// estimate counts with its own chance (<see cref="InterventionEffect.FoundChance"/>), an inconclusive one as not found.
/// Counted are the effects the pipeline stores with a band: those with a published wave of their unit since the start.
/// `pulse evaluate-effects` checks the prediction against the share its worlds found (docs/EFFECTS.md).
/// </summary>
public sealed record SizeBandPower(int Band, Construct Construct, int Effects, double Found)
{
    /// <summary>The improvement IPIM asks about: the evaluation's power size.</summary>
    public const double Improvement = 0.15;

    /// <summary>One effect as the power needs it: its band by median respondents, its post waves, and its chance (null without an estimate).</summary>
    public readonly record struct Input(Construct Construct, double MedianRespondents, int PostWaves, double? Chance);

    public static IReadOnlyList<SizeBandPower> Of(IEnumerable<Input> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        return [.. effects
            .Where(e => e.MedianRespondents > 0 && e.PostWaves > 0)
            .GroupBy(e => (Band: SizeBand.Of(e.MedianRespondents), e.Construct))
            .OrderBy(g => g.Key.Band).ThenBy(g => g.Key.Construct)
            .Select(g => new SizeBandPower(g.Key.Band, g.Key.Construct, g.Count(), g.Average(e => e.Chance ?? 0)))];
    }

    /// <summary>The effect's chance of being labelled improved at a true improvement of <paramref name="improvement"/> (null without an estimate).</summary>
    public static double? Chance(Construct construct, double? estimate, double? low, double? high, double? standardError, double improvement = Improvement) =>
        estimate is { } e && low is { } l && high is { } h && standardError is { } se ? InterventionEffect.FoundChance(construct, e, l, h, se, improvement) : null;

    public static Input InputOf(InterventionEffect effect, double improvement = Improvement)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return new(effect.Construct, effect.MedianRespondents, effect.PostWaves.Count, Chance(effect.Construct, effect.Estimate, effect.CiLow, effect.CiHigh, effect.StandardError, improvement));
    }
}
