namespace PulsePipeline.Models.Detection;

/// <summary>
/// A trend in words' terms: its <see cref="Shape"/>, whether it went up (for a jump, a step or a steady trend the
/// direction of the move; for a return, the direction of the excursion), and <see cref="At"/>, the index of the
/// point where it happened (the point a jump or step reached; the first point of a steady trend).
/// </summary>
public sealed record TrendReading(TrendShape Shape, bool Up, int At, int Points);
