namespace PulsePipeline.Models.Effects;

/// <summary>The estimator's fixed choices; the defaults are those measured in docs/EFFECTS.md.</summary>
public sealed record EffectSettings
{
    public static EffectSettings Default { get; } = new();

    /// <summary>Published waves before the start that the counterfactual may use (the most recent ones).</summary>
    public int MaxPreWaves { get; init; } = 8;

    /// <summary>
    /// Published waves from the start that an estimate uses at most (the first ones). Later waves add little precision,
    /// because the counterfactual's error does not average out, and comparison windows that long are cut short by the
    /// comparison units' own later interventions, which would make the interval too narrow.
    /// </summary>
    public int MaxPostWaves { get; init; } = 8;

    /// <summary>Published waves before the start below which an effect is inconclusive.</summary>
    public int MinPreWaves { get; init; } = 3;

    /// <summary>Nearest placebos whose errors give the selection correction and the interval.</summary>
    public int Neighbours { get; init; } = 300;

    /// <summary>Placebo windows needed for an interval at all.</summary>
    public int MinPlacebos { get; init; } = 300;

    /// <summary>Distinct comparison units needed among the placebos.</summary>
    public int MinComparisonUnits { get; init; } = 30;

    /// <summary>
    /// A descendant's intervention ends a unit's post waves when the descendant holds at least this share of the
    /// unit's respondents: the unit's figures include the descendant's.
    /// </summary>
    public double MaterialShare { get; init; } = 0.1;

    /// <summary>An interval wider than this (scale points, high minus low) says nothing yet: inconclusive.</summary>
    public double MaxInformativeWidth { get; init; } = 2.0;

    /// <summary>Pseudo-respondents of the wave's pooled SD mixed into a unit's own SD, as the detector does.</summary>
    public double PooledSdWeight { get; init; } = 10;

    /// <summary>
    /// Share of the treated unit's post horizons a placebo window must have published (at least one). Requiring all of
    /// them would leave small units, which are often suppressed, almost without comparisons.
    /// </summary>
    public double MinPlaceboCoverage { get; init; }

    /// <summary>Scale of the jump index of the other construct in the neighbour distance (the own index has scale 1).</summary>
    public double OtherJumpScale { get; init; } = 2.0;

    /// <summary>
    /// Stage 2 by a local-linear fit among the neighbours instead of their plain mean: less bias for extreme jumps, but
    /// narrower residual quantiles and lower coverage in the evaluation (docs/EFFECTS.md), so off by default.
    /// </summary>
    public bool LocalLinear { get; init; }

    /// <summary>
    /// The central share of the neighbours' errors that the 95% interval spans. Wider than 0.95 on purpose: treated
    /// units' errors are wider than those of comparison windows with the same jump index, because the treated were chosen
    /// after a flag (comparison windows that start after a flag-like move show most of the gap, docs/decisions/0005
    /// and 0003); at 0.95 the intervals covered 93% and labelled 7% of zero effects, at 0.97 95% and 4.5%. In a world with
    /// little selection the intervals are then a little conservative.
    /// </summary>
    public double PlaceboQuantileLevel { get; init; } = 0.97;

    /// <summary>Scale of log σ̂ (the unit's size and window) in the neighbour distance.</summary>
    public double SizeScale { get; init; } = 1.5;
}
