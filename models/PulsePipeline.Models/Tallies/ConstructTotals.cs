namespace PulsePipeline.Models.Tallies;

/// <summary>Sum over respondents of their item sum on a construct, and of its square.</summary>
public sealed record ConstructTotals(long ItemSum, long ItemSumOfSquares);
