namespace PulsePipeline.Models.Effects;

/// <summary>
/// Builds one <see cref="PlaceboSet"/>: every control unit at every pseudo-start, its post horizons read as a treated
/// unit's would be and predicted from its pre window, into one column per feature sized for the most windows the
/// history can hold (the worker's, reused set after set).
/// </summary>
internal sealed class PlaceboSetBuilder
{
    /// <summary>Columns of matching features (<see cref="WindowFeatures"/>); then the error, the untreated moves and the distances.</summary>
    public const int Features = 5;

    public const int Columns = Features + 3;

    private readonly EffectContext context;
    private readonly int[] horizons;
    private readonly int c;
    private readonly HorizonTerms terms;
    private readonly double[][] features;
    private readonly double[] error;
    private readonly double[] moves;
    private readonly double[] distances;
    private int count, untreated;

    public PlaceboSetBuilder(EffectContext context, int[] horizons, int c, PlaceboColumns buffers)
    {
        this.context = context;
        this.horizons = horizons;
        this.c = c;
        terms = new HorizonTerms(context.Models[c], c, horizons.Length, context.Settings.MaxPreWaves);
        var panel = context.Panel;
        var capacity = panel.Units.Count * Math.Max(0, panel.W - horizons[^1] - context.Settings.MinPreWaves);
        var columns = buffers.Of(capacity);
        (features, error, moves, distances) = (columns[..Features], columns[Features], columns[Features + 1], columns[Features + 2]);
    }

    public PlaceboSet Build()
    {
        var panel = context.Panel;
        var settings = context.Settings;
        var last = horizons[^1];
        var needed = Math.Max(1, (int)Math.Ceiling(settings.MinPlaceboCoverage * horizons.Length - 1e-9));
        Span<int> post = stackalloc int[horizons.Length];
        Span<double> variance = stackalloc double[horizons.Length];
        var units = 0;
        for (var u = 0; u < panel.Units.Count; u++)
        {
            var before = count;
            for (var s = settings.MinPreWaves; s + last < panel.W && panel.IsControl(u, s); s++)
            {
                var pre = context.Pre(u, s);
                if (pre is null || pre.Waves.Length < settings.MinPreWaves)
                {
                    continue;
                }

                var window = PostWindow.Read(panel, u, s, horizons, c, post, variance);
                var p = window.Count;
                if (p < needed || window.Carried == p || (window.Carried > 0 && p < horizons.Length && CountPublished(panel, u, s) > p))
                {
                    continue;
                }

                var (prediction, var) = terms.Predict(pre, window.Mask, post[..p], variance[..p]);
                // The carried value's sampling error repeats in every carried horizon, so it counts (carried + 1)² times, not once.
                var sigma = Math.Sqrt(var + (window.Carried * window.Carried + 2.0 * window.Carried) * window.CarryVariance / (p * p));
                Add(WindowFeatures.Of(pre, c, sigma), (window.Observed / p - prediction) / sigma, window.Carried > 0 ? null : pre.FlagMove[c]);
            }

            units += count > before ? 1 : 0;
        }

        return new PlaceboSet(count, units, features, error, (moves, untreated), distances);
    }

    /// <param name="untreatedMove">asinh of the flag index of a window that ran its course untreated; null for one cut short.</param>
    private void Add(WindowFeatures window, double standardisedError, double? untreatedMove)
    {
        (features[0][count], features[1][count], features[2][count], features[3][count], features[4][count]) =
            (window.Jump, window.OtherJump, window.LogSigma, window.Flag, window.OtherFlag);
        error[count] = standardisedError;
        count++;
        if (untreatedMove is { } move)
        {
            moves[untreated++] = move;
        }
    }

    private int CountPublished(EffectPanel panel, int u, int s)
    {
        var published = 0;
        foreach (var h in horizons)
        {
            published += panel.Published(u, s + h) ? 1 : 0;
        }

        return published;
    }
}
