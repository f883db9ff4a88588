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
    }

    public Placebo[] Items { get; }

    public int ComparisonUnits { get; }

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

                var p = 0;
                double observed = 0;
                foreach (var h in horizons)
                {
                    if (panel.Published(u, s + h) && panel.IsControl(u, s + h))
                    {
                        var at = panel.Cell(u, s + h);
                        post[p] = s + h;
                        variance[p] = panel.V[c][at];
                        observed += panel.D[c][at];
                        p++;
                    }
                }

                if (p < needed)
                {
                    continue;
                }

                var (prediction, var) = pre.Predict(context.Models[c], c, post[..p], variance[..p]);
                var sigma = Math.Sqrt(var);
                items.Add(new Placebo(u, s, pre.Jump[c], pre.Jump[1 - c], Math.Log(sigma), (observed / p - prediction) / sigma));
            }

            units += items.Count > before ? 1 : 0;
        }

        return new PlaceboSet([.. items], units);
    }
}
