using PulsePipeline.Models.Effects;

namespace PulsePipeline.Lab.Effects;

/// <summary>How many seeded worlds to draw and evaluate, and as of which waves.</summary>
public sealed record EffectEvaluationSettings
{
    public int Worlds { get; init; } = 4;

    /// <summary>World w uses seed Seed + w.</summary>
    public int Seed { get; init; } = 1;

    public EffectWorldSettings World { get; init; } = new();

    public EffectSettings Estimator { get; init; } = EffectSettings.Default;

    /// <summary>Also evaluate as of a wave two thirds of the way (only interventions started by then).</summary>
    public bool MidWay { get; init; } = true;

    /// <summary>`--quick`: two smaller worlds, last wave only.</summary>
    public static EffectEvaluationSettings Quick { get; } = new() { Worlds = 2, World = new EffectWorldSettings { Units = 900 }, MidWay = false };
}
