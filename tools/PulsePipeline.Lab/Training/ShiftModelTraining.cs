using System.ComponentModel.DataAnnotations;
using System.Globalization;
using PulsePipeline.Lab.Detection;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Features;

namespace PulsePipeline.Lab.Training;

/// <summary>
/// How the shift model is trained: a logistic regression (ML.NET L-BFGS) learns from a simulated history with many
/// planted shifts of random size, and its threshold is calibrated on a second simulation (the next seed) to the target
/// false-alarm rate over unchanged unit-waves. The same training gives the same model (fixed seeds, one thread).
/// </summary>
public sealed record ShiftModelTraining
{
    public static ShiftModelTraining Default { get; } = new();

    public int Seed { get; init; } = 11;

    [Range(100, 20000)]
    public int Units { get; init; } = 3000;

    [Range(10, 60)]
    public int Waves { get; init; } = 24;

    /// <summary>
    /// The false-alarm rate over unchanged (mature) unit-waves the threshold is set to. The contract's limit is 2% per
    /// wave; 0.8% leaves room for the wave-to-wave spread of a few hundred units (see docs/DETECTION.md).
    /// </summary>
    [Range(0.001, 0.05)]
    public double TargetFalseAlarmRate { get; init; } = 0.008;

    /// <summary>The simulated world the model learns from: more shifts than the evaluation, of any size from 0.2 to 1.0.</summary>
    public SimulationSettings TrainingSimulation => new()
    {
        Units = Units,
        Waves = Waves,
        Seed = Seed,
        ShiftedFraction = 0.3,
        ImprovedFraction = 0.1,
        ShiftSizes = [],
        OrganisationWave = Waves / 3,
        OrganisationPressureRise = 0.4,
        OrganisationSpeakUpFall = 0.2,
    };

    /// <summary>The simulation the threshold is calibrated on: the next seed, never seen in training.</summary>
    public SimulationSettings CalibrationSimulation => TrainingSimulation with { Seed = Seed + 1 };

    /// <summary>A name for the model that changes whenever anything that shapes it changes.</summary>
    public string Version => string.Create(CultureInfo.InvariantCulture,
        $"shift-f{FeatureSpec.Version}-logreg-sim{HistorySimulator.Version}-s{Seed}-u{Units}-w{Waves}-far{TargetFalseAlarmRate:0.###}");

    /// <summary>The trainer's settings as the shipped model's schema records them.</summary>
    public ShiftModelTrainerSettings TrainerSettings => new(ShiftModelTrainer.Algorithm, ShiftModelTrainer.Threads, Units, Waves, TargetFalseAlarmRate, HistorySimulator.Version, Description);

    /// <summary>The training data in words, stored with the model.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"simulated published history (simulator v{HistorySimulator.Version}, seed {Seed}): {Units} units x {Waves} waves, " +
        $"unit sizes 5-600 staff at 20-60% response, suppressed below 3 respondents; 30% of units with a persistent adverse " +
        $"shift of 0.2-1.0 in pressure, speak-up or both, 10% improvements, 5% participation drops, one organisation-wide " +
        $"shift in wave {Waves / 3 + 1}; threshold calibrated to {TargetFalseAlarmRate:0.0%} false alarms on unchanged " +
        $"unit-waves with a full history window of a second simulation (seed {Seed + 1})");
}
