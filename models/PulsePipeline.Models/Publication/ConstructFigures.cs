namespace PulsePipeline.Models.Publication;

/// <summary>
/// A construct's published figures on the 1–5 scale. <see cref="StandardDeviation"/> is the sample standard
/// deviation (divisor n − 1), the usual estimate for a unit seen as a sample of its staff; n ≥ k ≥ 3 keeps it defined.
/// </summary>
public readonly record struct ConstructFigures(double Mean, double StandardDeviation);
