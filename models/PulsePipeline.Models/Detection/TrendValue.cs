namespace PulsePipeline.Models.Detection;

/// <summary>One point of a trend: a mean and its standard error.</summary>
public readonly record struct TrendValue(double Mean, double Se);
