using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// Size and seed of an evaluation run. The default is small enough for the test suite (seconds) yet puts about 500
/// units in the organisation-wide wave, so its false-alarm rate is not decided by two or three alarms either way;
/// <see cref="Large"/> is the full-size run quoted in docs/DETECTION.md.
/// </summary>
public sealed record EvaluationSettings
{
    public int Units { get; init; } = 600;

    public int Waves { get; init; } = 16;

    public int Seed { get; init; } = 2027;

    /// <summary>The contract's limit on false alarms, over unchanged unit-waves and within the organisation-wide wave.</summary>
    public double MaxFalseAlarmRate { get; init; } = 0.02;

    /// <summary>
    /// The baseline's one-sided z threshold: two constructs tested at 0.4% each, about 0.8% false alarms in all in
    /// theory, the same target the default model is calibrated to.
    /// </summary>
    public double BaselineZ { get; init; } = DetectionMath.NormalQuantile(1 - ShiftModelTraining.Default.TargetFalseAlarmRate / 2);

    public static EvaluationSettings Large { get; } = new() { Units = 1500, Waves = 24 };

    /// <summary>The simulated world: defaults, with twice the default share of improvements so their flag rate is measured on more cases.</summary>
    public SimulationSettings Simulation => new() { Units = Units, Waves = Waves, Seed = Seed, ImprovedFraction = 0.1 };
}
