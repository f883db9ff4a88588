namespace PulsePipeline.Workspace.Rendering;

/// <summary>One row of an interval plot: an estimate and its interval, with the row's rank in the table beside it.</summary>
public sealed record IntervalItem(int Rank, string Title, double Estimate, double Low, double High);
