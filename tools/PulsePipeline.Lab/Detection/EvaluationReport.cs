using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// The outcome of one evaluation run: the model at its calibrated threshold, the baseline at its own fixed threshold,
/// and the baseline recalibrated to the model's observed false-alarm rate on this very run, which is the fair
/// comparison of recall. <see cref="TwoWaveTest"/> is an ablation: the strongest single- or two-wave z without a model,
/// also at the model's false-alarm rate, showing how much of the model's gain comes from combining two waves.
/// </summary>
public sealed record EvaluationReport(
    EvaluationSettings Settings,
    SimulatedHistory History,
    string ModelVersion,
    DetectorPerformance Model,
    DetectorPerformance Baseline,
    DetectorPerformance MatchedBaseline,
    DetectorPerformance TwoWaveTest,
    OrganisationChange OrganisationWaveChange,
    int OtherWavesWithSignificantOrganisationChange,
    IReadOnlyList<EvaluationTarget> Targets)
{
    public bool Passed => Targets.All(t => t.Met);
}
