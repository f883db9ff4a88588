namespace PulsePipeline.Models.Effects;

/// <summary>
/// The parts of a placebo window's prediction that depend only on which of its set's post horizons the window reads (a
/// bit mask over them): the post waves' summed model covariance, and, for a pre window of consecutive waves, the pre
/// waves' covariances with the post waves, which then depend only on the window's length as well. A set has tens of
/// thousands of windows but few such patterns, so each part is computed once, by the same helpers in the same order as
/// for a treated window (<see cref="PreWindow.Predict(DeviationModel, int, ReadOnlySpan{int}, ReadOnlySpan{double})"/>):
/// the same doubles, without the per-window covariance lookups.
/// </summary>
internal sealed class HorizonTerms
{
    /// <summary>Sets with more horizons than this predict every window from scratch: the cache would have 2^H entries per length.</summary>
    private const int MaxCachedHorizons = 10;

    private readonly DeviationModel model;
    private readonly int c;
    private readonly int shift;
    private readonly double?[]? postVariance;
    private readonly double[]?[]? covariances;

    public HorizonTerms(DeviationModel model, int c, int horizons, int maxPreWaves)
    {
        this.model = model;
        this.c = c;
        if (horizons <= MaxCachedHorizons)
        {
            shift = horizons;
            postVariance = new double?[1 << horizons];
            covariances = new double[]?[(maxPreWaves + 1) << horizons];
        }
    }

    /// <summary>The window's prediction and its variance, as <see cref="PreWindow.Predict(DeviationModel, int, ReadOnlySpan{int}, ReadOnlySpan{double})"/> gives them.</summary>
    /// <param name="mask">Which of the set's horizons <paramref name="post"/> holds (bit k for horizon k).</param>
    public (double Prediction, double Variance) Predict(PreWindow pre, int mask, ReadOnlySpan<int> post, ReadOnlySpan<double> variance)
    {
        if (postVariance is null || covariances is null)
        {
            return pre.Predict(model, c, post, variance);
        }

        double sampling = 0;
        for (var k = 0; k < post.Length; k++)
        {
            sampling += variance[k];
        }

        var varPost = postVariance[mask] ??= PreWindow.PostVariance(model, post);
        if (!pre.IsConsecutive)
        {
            Span<double> cov = stackalloc double[pre.Waves.Length];
            PreWindow.Covariances(model, pre.Waves, post, cov);
            return pre.Predict(c, cov, varPost, sampling, post.Length);
        }

        ref var cached = ref covariances[(pre.Waves.Length << shift) | mask];
        if (cached is null)
        {
            cached = new double[pre.Waves.Length];
            PreWindow.Covariances(model, pre.Waves, post, cached);
        }

        return pre.Predict(c, cached, varPost, sampling, post.Length);
    }
}
