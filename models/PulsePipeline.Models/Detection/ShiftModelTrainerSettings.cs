namespace PulsePipeline.Models.Detection;

/// <summary>How a shipped shift model was trained, as its schema records it: enough to train it again.</summary>
/// <param name="Algorithm">The ML.NET trainer.</param>
/// <param name="Threads">Training threads; one, so the same training gives the same weights.</param>
/// <param name="SimulatorVersion">The version of the history simulator that made the training data.</param>
/// <param name="TrainingData">The training data in words.</param>
public sealed record ShiftModelTrainerSettings(
    string Algorithm,
    int Threads,
    int Units,
    int Waves,
    double TargetFalseAlarmRate,
    int SimulatorVersion,
    string TrainingData);
