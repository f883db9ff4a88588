namespace PulsePipeline.Models.Effects;

/// <summary>
/// Stage 2: the placebos nearest to a treated history in (own jump index, other construct's jump index, log σ̂) show
/// how the linear prediction errs for histories like it: their mean standardised error is the correction (how much of
/// such a jump persists beyond what the linear model expects), the 2.5% and 97.5% quantiles of their errors around it
/// the interval. Ties are broken by placebo order (unit, then wave), so the choice is deterministic.
/// </summary>
internal static class NeighbourCorrection
{
    private const double Z95 = 1.959963984540054;

    public readonly record struct Result(double Correction, double Low, double High, double Sd, double CorrectionSe, int Units);

    public static Result Apply(Placebo[] placebos, double jump, double otherJump, double logSigma, EffectSettings settings)
    {
        var k = Math.Min(settings.Neighbours, placebos.Length);
        var distance = new double[placebos.Length];
        for (var i = 0; i < placebos.Length; i++)
        {
            var p = placebos[i];
            distance[i] = Sq(p.Jump - jump) + Sq((p.OtherJump - otherJump) / settings.OtherJumpScale) + Sq((p.LogSigma - logSigma) / settings.SizeScale);
        }

        var chosen = Nearest(distance, k);
        var errors = new double[k];
        var units = new HashSet<int>();
        for (var i = 0; i < k; i++)
        {
            errors[i] = placebos[chosen[i]].Error;
            units.Add(placebos[chosen[i]].Unit);
        }

        var correction = errors.Average();
        var sd = Math.Sqrt(errors.Sum(e => Sq(e - correction)) / Math.Max(1, k - 1));
        var se = sd / Math.Sqrt(k);
        Array.Sort(errors);
        var low = Quantile(errors, 0.025) - correction;
        var high = Quantile(errors, 0.975) - correction;

        // The correction is itself estimated from K placebos: its error widens both ends in quadrature.
        return new Result(correction, -Widen(-low, Z95 * se), Widen(high, Z95 * se), sd, se, units.Count);
    }

    /// <summary>Indices of the k smallest distances, ties in index order.</summary>
    private static int[] Nearest(double[] distance, int k)
    {
        var copy = (double[])distance.Clone();
        var kth = Select(copy, k - 1);
        var chosen = new List<int>(k);
        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] < kth)
            {
                chosen.Add(i);
            }
        }

        for (var i = 0; i < distance.Length && chosen.Count < k; i++)
        {
            if (distance[i] == kth)
            {
                chosen.Add(i);
            }
        }

        return [.. chosen];
    }

    /// <summary>The value of rank <paramref name="rank"/> (0-based) of the array; reorders it (Hoare selection).</summary>
    private static double Select(double[] a, int rank)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var pivot = a[lo + (hi - lo) / 2];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return a[rank];
            }
        }

        return a[rank];
    }

    /// <summary>Linear interpolation between order statistics (the usual type-7 quantile).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Widen(double x, double e) => x > 0 ? Math.Sqrt(x * x + e * e) : e;

    private static double Sq(double x) => x * x;
}
