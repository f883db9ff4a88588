namespace PulsePipeline.Models.Alerts;

/// <summary>A unit's published construct means in one wave (null where suppressed).</summary>
public sealed record TrendPoint(string Wave, double? Pressure, double? SpeakUp);
