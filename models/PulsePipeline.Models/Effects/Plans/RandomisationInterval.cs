namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// The 95% interval of a plan's effect as the set of constant effects τ0 that an equal-tailed randomisation test does
/// not reject. Under τ0 each re-drawn statistic is A_r − τ0·B_r against the observed estimate − τ0 (B of the observed
/// assignment is 1), so re-draw r is at least as large as the observed one exactly when τ0 ≥ (estimate − A_r)/(1 − B_r):
/// B_r ≤ 1 always, so each count moves one way with τ0 and the bounds are order statistics of these roots.
/// </summary>
internal static class RandomisationInterval
{
    private const double Same = 1e-12;

    /// <returns>The bounds, or null when the re-draws cannot bound the effect on a side (too few distinct assignments).</returns>
    public static (double Low, double High)? Invert(double estimate, double[] a, double[] b, double alpha)
    {
        var roots = new List<double>(a.Length);
        int alwaysUp = 0, alwaysDown = 0;
        for (var r = 0; r < a.Length; r++)
        {
            if (b[r] < 1 - Same)
            {
                roots.Add((estimate - a[r]) / (1 - b[r]));
            }
            else
            {
                // The re-draw treats the same cells as the observed one: it ties with the observed statistic at every τ0.
                alwaysUp += a[r] >= estimate - Same ? 1 : 0;
                alwaysDown += a[r] <= estimate + Same ? 1 : 0;
            }
        }

        roots.Sort();

        // Accept τ0 while (1 + ties + roots on its side) / (R + 1) > α/2 on both sides.
        var tail = alpha / 2 * (a.Length + 1);
        var needLow = (int)Math.Floor(tail - 1 - alwaysUp) + 1;
        var needHigh = (int)Math.Floor(tail - 1 - alwaysDown) + 1;
        if (needLow < 1 || needHigh < 1 || needLow > roots.Count || needHigh > roots.Count)
        {
            return null;
        }

        var low = roots[needLow - 1];
        var high = roots[roots.Count - needHigh];
        return low <= high ? (low, high) : null;
    }
}
