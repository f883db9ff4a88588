using PulsePipeline.Lab.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The exact floor (`BayesFloor`): the predictive interval of a predictor that knows the simulated world. Its width
/// depends on the data, unlike the Gaussian floor: an adverse jump in the last pre wave may be a shift that persists.
/// </summary>
public sealed class BayesFloorTests
{
    private static readonly PublishedScale Scale = PublishedScale.Of(new EffectWorldSettings());

    [Fact]
    public void AnAdverseJump_WidensTheInterval_AndPartPersists()
    {
        var flat = Interval(Pre(0));
        var jumped = Interval(Pre(0.8));

        Assert.True(jumped.High - jumped.Low > 1.2 * (flat.High - flat.Low), $"{jumped} vs {flat}");
        var centre = (jumped.Low + jumped.High) / 2 - (flat.Low + flat.High) / 2;
        Assert.True(centre > 0.05 && centre < 0.8, $"the jump of 0.8 moved the prediction by {centre}");
    }

    [Fact]
    public void WithoutShifts_TheIntervalIsTheGaussianFloorsOne_AndNarrowerThanWithThem()
    {
        // Waves before the org change, so one slope; speak-up so noisy that it tells nothing about pressure.
        var calm = PublishedScale.Of(new EffectWorldSettings { ShiftHazard = 1e-12 });
        var pre = Enumerable.Range(1, 8).Select(t => new BayesFloor.Wave(t, [0, 0], [0.02, 1e6], 0)).ToList();
        List<(int Index, double Noise)> post = [(9, 0.02), (10, 0.02), (11, 0.02)];
        var gaussian = BayesFloor.Predict(calm, 0, pre, post);
        var shifting = BayesFloor.Predict(Scale, 0, pre, post);

        // The Gaussian floor on the latent scale: a slope s scales the signal by s², so the published prediction error
        // is s² times the latent one with the sampling noise divided by s².
        var s2 = Math.Pow(calm.Slope(0, 9), 2);
        var error = s2 * WidthFloor.PredictionErrorVariance(calm.World, [.. pre.Select(x => (x.Index, x.Noise[0] / s2))], [.. post.Select(x => (x.Index, 0.0))]);
        var expected = 2 * 1.959963984540054 * Math.Sqrt(error + post.Sum(x => x.Noise) / (post.Count * post.Count));

        Assert.Equal(expected, gaussian.High - gaussian.Low, 0.002);
        Assert.Equal(-gaussian.Low, gaussian.High, 0.002);
        Assert.True(gaussian.High - gaussian.Low < shifting.High - shifting.Low, $"{gaussian} vs {shifting}");
    }

    [Fact]
    public void TheInterval_IsDeterministic()
    {
        Assert.Equal(Interval(Pre(0.5)), Interval(Pre(0.5)));
    }

    private static readonly List<(int Index, double Noise)> Post = [(12, 0.02), (13, 0.02), (14, 0.02)];

    private static (double Low, double High) Interval(List<BayesFloor.Wave> pre) => BayesFloor.Predict(Scale, 0, pre, Post);

    /// <summary>Eight flat pre waves of 25 respondents; the last one's pressure raised by <paramref name="jump"/>.</summary>
    private static List<BayesFloor.Wave> Pre(double jump) =>
        [.. Enumerable.Range(4, 8).Select(t => new BayesFloor.Wave(t, [t == 11 ? jump : 0, 0], [0.02, 0.028], -0.01))];
}
