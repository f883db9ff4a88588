namespace PulsePipeline.Models.Effects;

/// <summary>
/// Every placebo window for one pattern of post horizons (offsets from the start) and one construct: each control unit
/// at each pseudo-start whose pre waves and post horizons all lie up to the as-of wave and are control throughout.
/// Pseudo-starts are pooled across waves (the reference has taken org-wide change out), in unit then wave order.
/// </summary>
internal sealed class PlaceboSet
{
    private PlaceboSet(Placebo[] placebos, int units)
    {
        Items = placebos;
        ComparisonUnits = units;
        UntreatedMoves = [.. placebos.Where(p => !p.Cut).Select(p => Math.Asinh(p.Flag)).Order()];
    }

    public Placebo[] Items { get; }

    public int ComparisonUnits { get; }

    /// <summary>asinh of the flag index of every window that ran its course untreated, sorted: the extrapolation guard counts in it.</summary>
    public double[] UntreatedMoves { get; }

    /// <summary>Windows that ran their course untreated after a flag-like move within <paramref name="caliper"/> (on the asinh scale) of <paramref name="flag"/>.</summary>
    public int UntreatedWithin(double flag, double caliper)
    {
        var centre = Math.Asinh(flag);
        return LowerBound(UntreatedMoves, centre + caliper + 1e-12) - LowerBound(UntreatedMoves, centre - caliper);
    }

    public static PlaceboSet Build(EffectContext context, int[] horizons, int c)
    {
        var panel = context.Panel;
        var last = horizons[^1];
        var needed = Math.Max(1, (int)Math.Ceiling(context.Settings.MinPlaceboCoverage * horizons.Length - 1e-9));
        var items = new List<Placebo>();
        Span<int> post = stackalloc int[horizons.Length];
        Span<double> variance = stackalloc double[horizons.Length];
        var units = 0;
        for (var u = 0; u < panel.Units.Count; u++)
        {
            var before = items.Count;
            for (var s = context.Settings.MinPreWaves; s + last < panel.W && panel.IsControl(u, s); s++)
            {
                var pre = context.Pre(u, s);
                if (pre is null || pre.Waves.Length < context.Settings.MinPreWaves)
                {
                    continue;
                }

                var (p, observed, carried, carryVariance) = Window(panel, u, s, horizons, c, post, variance);
                if (p < needed || carried == p || (carried > 0 && p < horizons.Length && CountPublished(panel, u, s, horizons) > p))
                {
                    continue;
                }

                var (prediction, var) = pre.Predict(context.Models[c], c, post[..p], variance[..p]);
                // The carried value's sampling error repeats in every carried horizon, so it counts (carried + 1)² times, not once.
                var sigma = Math.Sqrt(var + (carried * carried + 2.0 * carried) * carryVariance / (p * p));
                items.Add(new Placebo(u, s, pre.Jump[c], pre.Jump[1 - c], Math.Log(sigma), (observed / p - prediction) / sigma, pre.Flag[c], pre.Flag[1 - c], carried > 0));
            }

            units += items.Count > before ? 1 : 0;
        }

        return new PlaceboSet([.. items], units);
    }

    /// <summary>
    /// The post horizons of one window that can be read: their waves and sampling variances into <paramref name="post"/>
    /// and <paramref name="variance"/>, with the sum of their deviations. A window cut short by the unit's own later
    /// intervention (typically after a new shift, which is what made IPIM act) keeps its remaining horizons at the last
    /// deviation seen before it: dropping them would leave exactly the windows where things went wrong out of the
    /// comparison, and the interval too narrow.
    /// </summary>
    private static (int Count, double Observed, int Carried, double CarryVariance) Window(EffectPanel panel, int u, int s, int[] horizons, int c, Span<int> post, Span<double> variance)
    {
        var p = 0;
        double observed = 0, carry = double.NaN, carryVariance = 0;
        var carried = 0;
        for (var k = 0; k < horizons.Length; k++)
        {
            var t = s + horizons[k];
            if (!panel.IsControl(u, t))
            {
                if (double.IsNaN(carry))
                {
                    break;
                }

                post[p] = t;
                variance[p] = 0;
                observed += carry;
                carried++;
                p++;
                continue;
            }

            if (panel.Published(u, t))
            {
                var at = panel.Cell(u, t);
                post[p] = t;
                variance[p] = panel.V[c][at];
                observed += panel.D[c][at];
                (carry, carryVariance) = (panel.D[c][at], panel.V[c][at]);
                p++;
            }
        }

        return (p, observed, carried, carryVariance);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    private static int CountPublished(EffectPanel panel, int u, int s, int[] horizons) => horizons.Count(h => panel.Published(u, s + h));
}
