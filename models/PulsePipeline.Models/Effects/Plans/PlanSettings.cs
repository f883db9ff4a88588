namespace PulsePipeline.Models.Effects.Plans;

/// <summary>The plan estimator's settings (docs/PLANS.md says why each is what it is).</summary>
public sealed record PlanSettings
{
    public static PlanSettings Default { get; } = new();

    /// <summary>
    /// A member's baseline is the mean of its last this many published waves before the plan's first start. A
    /// member's baseline error is shared by all its window waves, so a longer baseline narrows the interval; six keeps
    /// it within the waves a young history has (not yet measured against three: `pulse evaluate-plans` can).
    /// </summary>
    public int MaxBaselineWaves { get; init; } = 6;

    /// <summary>Re-draws of the assignment behind the interval (a Monte Carlo randomisation test).</summary>
    public int Redraws { get; init; } = 2000;

    /// <summary>Members with a baseline needed before an estimate is tried.</summary>
    public int MinMembers { get; init; } = 6;

    /// <summary>The interval's level: 95%.</summary>
    public double Alpha { get; init; } = 0.05;
}
