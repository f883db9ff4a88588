namespace PulsePipeline.Models.Detection;

/// <summary>Sets a score threshold from scores of unchanged cases, so that a chosen share of them would be flagged.</summary>
internal static class Thresholds
{
    /// <summary>
    /// The lowest threshold at which at most <paramref name="rate"/> of <paramref name="nullScores"/> reach it
    /// (flag when score ≥ threshold): halfway between the last score allowed through and the first one kept out.
    /// </summary>
    public static double ForFalseAlarmRate(IReadOnlyList<double> nullScores, double rate)
    {
        var sorted = nullScores.OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(rate * sorted.Length);
        if (sorted.Length == 0)
        {
            return double.PositiveInfinity;
        }

        if (allowed >= sorted.Length)
        {
            return sorted[^1];
        }

        // Ties: walk back until the score at the cut differs from the one below, so no tie straddles the threshold.
        while (allowed > 0 && sorted[allowed - 1] == sorted[allowed])
        {
            allowed--;
        }

        var kept = sorted[allowed];
        return allowed == 0 ? NextAbove(kept) : (sorted[allowed - 1] + kept) / 2;
    }

    public static double RateAtOrAbove(IReadOnlyList<double> scores, double threshold) =>
        scores.Count == 0 ? 0 : (double)scores.Count(s => s >= threshold) / scores.Count;

    private static double NextAbove(double x) => double.IsNegativeInfinity(x) ? double.MinValue : Math.BitIncrement(x);
}
