namespace PulsePipeline.Models.Effects;

/// <summary>
/// One unit's history before a (pseudo-)start, solved once per construct and reused for every post pattern: the last
/// published pre waves, the Cholesky factor of their covariance (model plus sampling noise), K⁻¹d, and the signed
/// standardised recent-jump index q (the last up to 3 pre deviations against the earlier ones).
/// </summary>
internal sealed class PreWindow
{
    private readonly double[][] cholesky = new double[2][];
    private readonly double[][] alpha = new double[2][];

    private PreWindow(int start, int[] waves)
    {
        Start = start;
        Waves = waves;
    }

    public int Start { get; }

    /// <summary>Wave indices of the pre waves used, oldest first.</summary>
    public int[] Waves { get; }

    public double[] Jump { get; } = new double[2];

    /// <summary>
    /// Per construct, the largest adverse single-wave move among the last 3 pre waves against the unit's own preceding
    /// (up to 6) waves, over its model SD: what a detector's flag looks at, so that comparison windows after a flag-like
    /// move can be told from windows with the same average jump.
    /// </summary>
    public double[] Flag { get; } = new double[2];

    /// <summary>The mean published value over the pre waves (for the naive before/after comparison).</summary>
    public double[] RawMean { get; } = new double[2];

    /// <summary>The mean sampling variance over the pre waves, standing in for a post wave that is not observed.</summary>
    public double[] MeanVariance { get; } = new double[2];

    public static PreWindow? Create(EffectPanel panel, DeviationModel[] models, int unit, int start, int maxPre)
    {
        var waves = new List<int>(maxPre);
        for (var t = Math.Min(start, panel.W) - 1; t >= 0 && waves.Count < maxPre; t--)
        {
            if (panel.Published(unit, t))
            {
                waves.Add(t);
            }
        }

        if (waves.Count == 0)
        {
            return null;
        }

        waves.Reverse();
        var window = new PreWindow(start, [.. waves]);
        for (var c = 0; c < 2; c++)
        {
            window.Solve(panel, models[c], unit, c);
        }

        return window;
    }

    /// <summary>
    /// Kriging of the mean true deviation over the post waves: the prediction, and its error variance including the
    /// post waves' sampling noise (the model SD σ̂ squared).
    /// </summary>
    public (double Prediction, double Variance) Predict(DeviationModel model, int c, ReadOnlySpan<int> post, ReadOnlySpan<double> postVariance)
    {
        var l = Waves.Length;
        Span<double> cov = stackalloc double[l];
        var p = post.Length;
        for (var i = 0; i < l; i++)
        {
            double s = 0;
            for (var k = 0; k < p; k++)
            {
                s += model.Covariance(post[k] - Waves[i]);
            }

            cov[i] = s / p;
        }

        double prediction = 0;
        for (var i = 0; i < l; i++)
        {
            prediction += cov[i] * alpha[c][i];
        }

        double varPost = 0, sampling = 0;
        for (var k = 0; k < p; k++)
        {
            sampling += postVariance[k];
            for (var m = 0; m < p; m++)
            {
                varPost += model.Covariance(Math.Abs(post[k] - post[m]));
            }
        }

        var explained = SmallCholesky.ForwardSquared(cholesky[c], cov);
        return (prediction, Math.Max(0, varPost / (p * p) - explained) + sampling / (p * p));
    }

    private void Solve(EffectPanel panel, DeviationModel model, int unit, int c)
    {
        var l = Waves.Length;
        var k = new double[l * l];
        var d = new double[l];
        for (var i = 0; i < l; i++)
        {
            var at = panel.Cell(unit, Waves[i]);
            d[i] = panel.D[c][at];
            RawMean[c] += panel.Y[c][at] / l;
            MeanVariance[c] += panel.V[c][at] / l;
            for (var j = 0; j < l; j++)
            {
                k[i * l + j] = model.Covariance(Math.Abs(Waves[i] - Waves[j])) + (i == j ? panel.V[c][at] : 0);
            }
        }

        var factor = SmallCholesky.Factor(k, l);
        cholesky[c] = factor;
        alpha[c] = SmallCholesky.Solve(factor, d);
        Jump[c] = JumpIndex(k, d, l);
        Flag[c] = FlagIndex(k, d, l, c == 0 ? 1 : -1);
    }

    private static double FlagIndex(double[] k, double[] d, int l, int adverse)
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

    /// <summary>The last min(3, L−1) deviations against the earlier ones: a flag 1–3 waves before the start falls among them.</summary>
    private static double JumpIndex(double[] k, double[] d, int l) => Contrast(k, d, l, Math.Min(3, l - 1));

    /// <summary>Mean of the last <paramref name="recent"/> deviations minus that of the earlier ones, over its model SD.</summary>
    private static double Contrast(double[] k, double[] d, int l, int recent)
    {
        if (l < 2)
        {
            return 0;
        }

        var n = (int)Math.Sqrt(k.Length);
        var a = new double[l];
        for (var i = 0; i < l; i++)
        {
            a[i] = i >= l - recent ? 1.0 / recent : -1.0 / (l - recent);
        }

        double num = 0, var = 0;
        for (var i = 0; i < l; i++)
        {
            num += a[i] * d[i];
            for (var j = 0; j < l; j++)
            {
                var += a[i] * k[i * n + j] * a[j];
            }
        }

        return var > 0 ? num / Math.Sqrt(var) : 0;
    }
}
