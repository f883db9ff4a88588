namespace PulsePipeline.Models.Detection.Simulation;

/// <summary>
/// Size and seed of an evaluation run. The default is small enough for the test suite; <see cref="Large"/> is the
/// full-size run quoted in docs/DETECTION.md.
/// </summary>
public sealed record EvaluationSettings
{
    public int Units { get; init; } = 400;

    public int Waves { get; init; } = 16;

    public int Seed { get; init; } = 2027;

    /// <summary>The contract's limit on false alarms, over unchanged unit-waves and within the organisation-wide wave.</summary>
    public double MaxFalseAlarmRate { get; init; } = 0.02;

    /// <summary>
    /// The baseline's one-sided z threshold: two constructs tested at 0.5% each, about 1% false alarms in all, the
    /// same target the model is calibrated to.
    /// </summary>
    public double BaselineZ { get; init; } = DetectionMath.NormalQuantile(1 - 0.01 / 2);

    public static EvaluationSettings Large { get; } = new() { Units = 1500, Waves = 24 };

    public SimulationSettings Simulation => new() { Units = Units, Waves = Waves, Seed = Seed };
}
