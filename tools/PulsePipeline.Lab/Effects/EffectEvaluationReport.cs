using PulsePipeline.Lab.Detection;

namespace PulsePipeline.Lab.Effects;

/// <summary>What `pulse evaluate-effects` measured: per as-of point the effects, their measures and the pooled types.</summary>
public sealed record EffectEvaluationReport(
    EffectEvaluationSettings Settings,
    IReadOnlyList<EffectEvaluationPoint> Points,
    IReadOnlyList<string> WorldSummaries,
    TimeSpan SimulationTime,
    TimeSpan EstimationTime)
{
    /// <summary>The targets are judged as of the last wave (the first point).</summary>
    public IReadOnlyList<EvaluationTarget> Targets => Points[0].Targets;

    public bool Passed => Targets.All(t => t.Met);
}
