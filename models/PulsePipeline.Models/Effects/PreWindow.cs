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

    /// <summary>asinh of <see cref="Flag"/>: the scale the extrapolation guard compares moves on, once per window instead of once per placebo set.</summary>
    public double[] FlagMove { get; } = new double[2];

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

    /// <summary>True when the pre waves are the ones right before the start, none skipped: then every lag to a post wave
    /// depends only on the window's length and the post horizons (<see cref="HorizonTerms"/>).</summary>
    public bool IsConsecutive => Waves[^1] == Start - 1 && Waves[^1] - Waves[0] == Waves.Length - 1;

    /// <summary>
    /// Kriging of the mean true deviation over the post waves: the prediction, and its error variance including the
    /// post waves' sampling noise (the model SD σ̂ squared).
    /// </summary>
    public (double Prediction, double Variance) Predict(DeviationModel model, int c, ReadOnlySpan<int> post, ReadOnlySpan<double> postVariance)
    {
        Span<double> cov = stackalloc double[Waves.Length];
        Covariances(model, Waves, post, cov);
        double sampling = 0;
        for (var k = 0; k < post.Length; k++)
        {
            sampling += postVariance[k];
        }

        return Predict(c, cov, PostVariance(model, post), sampling, post.Length);
    }

    /// <summary>
    /// The prediction from its parts: <paramref name="cov"/> the pre waves' mean covariance with the post waves
    /// (<see cref="Covariances"/>), <paramref name="varPost"/> the post waves' summed model covariance
    /// (<see cref="PostVariance"/>) and <paramref name="sampling"/> their summed sampling variance, over <paramref name="p"/> post waves.
    /// </summary>
    public (double Prediction, double Variance) Predict(int c, ReadOnlySpan<double> cov, double varPost, double sampling, int p)
    {
        double prediction = 0;
        for (var i = 0; i < cov.Length; i++)
        {
            prediction += cov[i] * alpha[c][i];
        }

        var explained = SmallCholesky.ForwardSquared(cholesky[c], cov);
        return (prediction, Math.Max(0, varPost / (p * p) - explained) + sampling / (p * p));
    }

    /// <summary>Per pre wave, its model covariance with the post waves, averaged over them.</summary>
    public static void Covariances(DeviationModel model, ReadOnlySpan<int> waves, ReadOnlySpan<int> post, Span<double> cov)
    {
        var p = post.Length;
        for (var i = 0; i < waves.Length; i++)
        {
            double s = 0;
            for (var k = 0; k < p; k++)
            {
                s += model.Covariance(post[k] - waves[i]);
            }

            cov[i] = s / p;
        }
    }

    /// <summary>The model covariance of the post waves summed over every pair (the variance of their sum).</summary>
    public static double PostVariance(DeviationModel model, ReadOnlySpan<int> post)
    {
        double varPost = 0;
        for (var k = 0; k < post.Length; k++)
        {
            for (var m = 0; m < post.Length; m++)
            {
                varPost += model.Covariance(Math.Abs(post[k] - post[m]));
            }
        }

        return varPost;
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
        Jump[c] = MoveIndex.Jump(k, d, l);
        Flag[c] = MoveIndex.Flag(k, d, l, c == 0 ? 1 : -1);
        FlagMove[c] = Math.Asinh(Flag[c]);
    }
}
