namespace PulsePipeline.Models.Effects;

/// <summary>
/// The standardised move indices of a pre window (<see cref="PreWindow.Jump"/>, <see cref="PreWindow.Flag"/>): a contrast
/// of its deviations d over the contrast's model SD under the window's covariance K (row-major, L × L).
/// </summary>
internal static class MoveIndex
{
    /// <summary>The largest adverse single-wave move among the last 3 pre waves against the (up to 6) waves before it.</summary>
    public static double Flag(double[] k, double[] d, int l, int adverse)
    {
        var best = double.NegativeInfinity;
        var a = new double[l];
        for (var i = Math.Max(1, l - 3); i < l; i++)
        {
            Array.Clear(a);
            var from = Math.Max(0, i - 6);
            a[i] = 1;
            for (var j = from; j < i; j++)
            {
                a[j] = -1.0 / (i - from);
            }

            best = Math.Max(best, adverse * Standardised(k, d, a));
        }

        return double.IsNegativeInfinity(best) ? 0 : best;
    }

    /// <summary>
    /// The last min(3, L−1) deviations against the earlier ones (a flag 1–3 waves before the start falls among them): the
    /// mean of the recent ones minus that of the earlier ones, over its model SD.
    /// </summary>
    public static double Jump(double[] k, double[] d, int l)
    {
        if (l < 2)
        {
            return 0;
        }

        var recent = Math.Min(3, l - 1);
        var a = new double[l];
        for (var i = 0; i < l; i++)
        {
            a[i] = i >= l - recent ? 1.0 / recent : -1.0 / (l - recent);
        }

        return Standardised(k, d, a);
    }

    /// <summary>aᵀd over √(aᵀKa); 0 when the contrast has no variance.</summary>
    private static double Standardised(double[] k, double[] d, double[] a)
    {
        var l = a.Length;
        double num = 0, var = 0;
        for (var i = 0; i < l; i++)
        {
            num += a[i] * d[i];
            for (var j = 0; j < l; j++)
            {
                var += a[i] * k[i * l + j] * a[j];
            }
        }

        return var > 0 ? num / Math.Sqrt(var) : 0;
    }
}
