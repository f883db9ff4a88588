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

        var (correction, residuals, inflation) = settings.LocalLinear
            ? LocalLinear(placebos, chosen, errors, jump, otherJump, logSigma)
            : (errors.Average(), errors.Select(e => e - errors.Average()).ToArray(), 1.0);
        var sd = Math.Sqrt(residuals.Sum(e => e * e) / Math.Max(1, k - 1));
        var se = sd * Math.Sqrt(inflation / k);
        Array.Sort(residuals);
        var low = Quantile(residuals, (1 - settings.PlaceboQuantileLevel) / 2);
        var high = Quantile(residuals, (1 + settings.PlaceboQuantileLevel) / 2);

        // The correction is itself estimated from K placebos: its error widens both ends in quadrature.
        return new Result(correction, -Widen(-low, Z95 * se), Widen(high, Z95 * se), sd, se, units.Count);
    }

    /// <summary>
    /// Least squares of the neighbours' errors on their offsets from the treated history (jump, other jump, log σ̂):
    /// the intercept is the correction at the treated history itself, which a plain mean misses where the treated
    /// history lies at the edge of the placebos (a flag is an extreme jump, so most neighbours have smaller ones).
    /// Returns the residuals and the variance inflation of the intercept against a plain mean.
    /// </summary>
    private static (double Correction, double[] Residuals, double Inflation) LocalLinear(Placebo[] placebos, int[] chosen, double[] errors, double jump, double otherJump, double logSigma)
    {
        const int p = 4;
        var k = chosen.Length;
        var xtx = new double[p * p];
        var xty = new double[p];
        var x = new double[k * p];
        for (var i = 0; i < k; i++)
        {
            var pl = placebos[chosen[i]];
            x[i * p] = 1;
            x[i * p + 1] = pl.Jump - jump;
            x[i * p + 2] = pl.OtherJump - otherJump;
            x[i * p + 3] = pl.LogSigma - logSigma;
            for (var a = 0; a < p; a++)
            {
                xty[a] += x[i * p + a] * errors[i];
                for (var b = 0; b < p; b++)
                {
                    xtx[a * p + b] += x[i * p + a] * x[i * p + b];
                }
            }
        }

        for (var a = 1; a < p; a++)
        {
            xtx[a * p + a] += 1e-6 * k; // a whisker of ridge keeps a degenerate neighbourhood solvable
        }

        var factor = SmallCholesky.Factor(xtx, p);
        var beta = SmallCholesky.Solve(factor, xty);
        var residuals = new double[k];
        for (var i = 0; i < k; i++)
        {
            var fit = 0.0;
            for (var a = 0; a < p; a++)
            {
                fit += x[i * p + a] * beta[a];
            }

            residuals[i] = errors[i] - fit;
        }

        var unit = SmallCholesky.Solve(factor, [1, 0, 0, 0]);
        return (beta[0], residuals, Math.Max(1, unit[0] * k));
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
