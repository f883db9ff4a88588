namespace PulsePipeline.Lab.Detection;

/// <summary>One acceptance target of the evaluation and whether this run met it.</summary>
public sealed record EvaluationTarget(string Description, bool Met);
