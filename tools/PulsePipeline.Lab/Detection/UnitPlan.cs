namespace PulsePipeline.Lab.Detection;

/// <summary>A simulated unit: its size, response rate, level offsets and what happens to it.</summary>
internal sealed record UnitPlan(
    string Id,
    int Staff,
    double ResponseRate,
    double PressureOffset,
    double SpeakUpOffset,
    int StartWave,
    PlantedEvent? Event,
    double PressureShift,
    double SpeakUpShift);
