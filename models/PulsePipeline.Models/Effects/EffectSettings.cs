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

    /// <summary>
    /// Published waves before the start below which an effect is inconclusive. Two are enough for a level and a move;
    /// comparison windows with as few calibrate what they are worth. (Three left up to 17% of effects inconclusive in
    /// small, often suppressed units with a short history; docs/decisions/0102.)
    /// </summary>
    public int MinPreWaves { get; init; } = 2;

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

    /// <summary>Scale of the other construct's jump and flag indices in the neighbour distance, against the own construct's.</summary>
    public double OtherJumpScale { get; init; } = 2.0;

    /// <summary>
    /// Scale of the flag index in the neighbour distance (the jump index has scale 1). Small: IPIM acts on flags, so a
    /// comparison window is comparable only after a move as flag-like as the treated unit's.
    /// </summary>
    public double FlagScale { get; init; } = 0.5;

    /// <summary>Scale of log σ̂ (the unit's size and window) in the neighbour distance.</summary>
    public double SizeScale { get; init; } = 1.5;

    /// <summary>
    /// The flag index at which errors are taken as √2 times as wide as after no move (<see cref="NeighbourCorrection.Growth"/>):
    /// what persists of a move is uncertain in proportion to the move. Comparison windows' errors per unit of flag index
    /// stay alike after moves of 3 to 15 while their plain errors grow fourfold, so a treated unit's interval after a
    /// large move can learn from windows after smaller ones. An allowance, not a fit: fitted to the comparison windows'
    /// own spread the growth came out smaller and the treated units' intervals too narrow (docs/decisions/0102).
    /// </summary>
    public double FlagGrowth { get; init; } = 2.0;

    /// <summary>
    /// The share of exchangeable comparison windows the interval holds (split-conformal, so exact for any distribution
    /// of errors). Above the 95% it stands for: treated units were chosen on more of their history than the matching
    /// sees, and on the evaluation grid their errors are wider than their comparison windows' by up to a point of
    /// coverage (docs/EFFECTS.md), while a zero effect may be labelled at most 5% of the time.
    /// </summary>
    public double IntervalLevel { get; init; } = 0.96;

    /// <summary>
    /// The extrapolation guard: a treated history whose flag index is at least <see cref="GuardFrom"/> needs this many
    /// untreated comparison windows after a move within <see cref="GuardCaliper"/> of its own (on the asinh scale, so
    /// about ×0.6 to ×1.65 of a large move). 40 is the least number of windows from which a 95% interval can be bounded at all
    /// (a new window falls below the smallest of K with chance 1/(K + 1)). Fewer: inconclusive, no comparable untreated
    /// unit had a change this large.
    /// </summary>
    public int MinComparable { get; init; } = 40;

    /// <summary>
    /// How far (asinh scale) a comparison window's move may lie from the treated history's to count as comparable. 0.3
    /// left 16.7% of one grid world's effects inconclusive (docs/decisions/0104); 0.5 still refuses the demo's spikes.
    /// </summary>
    public double GuardCaliper { get; init; } = 0.5;

    /// <summary>A flag index below this is an ordinary move, which every comparison set holds plenty of.</summary>
    public double GuardFrom { get; init; } = 2.0;
}
