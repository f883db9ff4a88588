namespace PulsePipeline.Models.Detection;

/// <summary>The few statistical functions the detector and the simulator need, written out so results do not depend on a library.</summary>
internal static class DetectionMath
{
    /// <summary>The median of a χ²(1) variable: a squared standard normal is below it half the time.</summary>
    public const double ChiSquare1Median = 0.454936423119572;

    /// <summary>Asymptotic standard error of a median relative to a mean of normal data: √(π/2).</summary>
    public const double MedianEfficiency = 1.2533141373155;

    /// <summary>The 97.5th percentile of the standard normal: uncertainties are reported as 95% margins.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1.0);
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            return -NormalQuantile(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }

    /// <summary>Standard normal distribution function (Abramowitz–Stegun 7.1.26 erf, error below 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var t = 1.0 / (1.0 + 0.3275911 * Math.Abs(x) / Math.Sqrt(2));
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erf = 1 - poly * Math.Exp(-x * x / 2);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    public static double NormalDensity(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);

    /// <summary>Expected value of a normal variable clamped to [lo, hi]: a respondent's score cannot leave the 1–5 scale.</summary>
    public static double ClampedNormalMean(double mean, double sd, double lo, double hi)
    {
        var a = (lo - mean) / sd;
        var b = (hi - mean) / sd;
        var pa = NormalCdf(a);
        var pb = NormalCdf(b);
        var inside = mean * (pb - pa) + sd * (NormalDensity(a) - NormalDensity(b));
        return lo * pa + inside + hi * (1 - pb);
    }

    /// <summary>
    /// The weighted median: robust against the few units that really moved, so that an organisation-wide change
    /// estimated from all units is not dragged by them. Ties are broken by input order, so the result is deterministic.
    /// </summary>
    public static double WeightedMedian(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ThenBy(i => i).ToArray();
        var half = weights.Sum() / 2;
        var cumulative = 0.0;
        for (var k = 0; k < order.Length; k++)
        {
            cumulative += weights[order[k]];
            if (cumulative > half)
            {
                return values[order[k]];
            }

            if (cumulative == half && k + 1 < order.Length)
            {
                return (values[order[k]] + values[order[k + 1]]) / 2;
            }
        }

        return values[order[^1]];
    }

    /// <summary>
    /// Between-wave variance of true unit levels (τ²) beyond sampling noise: the value at which the median of
    /// r² / (known variance + τ²) equals the χ²(1) median. A median is used so that real shifts, which sit in the tail,
    /// do not inflate the noise the detector measures them against. Residual i exceeds the χ²(1) median exactly when
    /// τ² &lt; r²/c − V, so the solution is the median of those values (at least 0, at most <paramref name="max"/>).
    /// </summary>
    public static double SolveExcessVariance(IReadOnlyList<(double Squared, double Variance)> residuals, double max = 0.25)
    {
        if (residuals.Count < 10)
        {
            return double.NaN;
        }

        var bounds = residuals.Select(r => r.Squared / ChiSquare1Median - r.Variance).ToArray();
        return Math.Clamp(Median(bounds), 0, max);
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed in log space so that n in the thousands is exact enough.</summary>
    public static double BinomialUpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        if (p <= 0)
        {
            return 0;
        }

        var total = 0.0;
        for (var i = k; i <= n; i++)
        {
            total += Math.Exp(LogChoose(n, i) + i * Math.Log(p) + (n - i) * Math.Log(1 - p));
        }

        return Math.Min(1, total);
    }

    /// <summary>The median of the values; reorders the array.</summary>
    public static double Median(double[] values)
    {
        Array.Sort(values);
        var m = values.Length / 2;
        return values.Length % 2 == 1 ? values[m] : (values[m - 1] + values[m]) / 2;
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }
}
