namespace PulsePipeline.Models.Detection.Features;

/// <summary>A unit's published figures for one construct in one wave.</summary>
internal readonly record struct Observation(int N, double Mean, double Sd);
