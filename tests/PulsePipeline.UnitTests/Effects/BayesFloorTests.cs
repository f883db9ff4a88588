using PulsePipeline.Models.Effects.Simulation;

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
    public void WithoutShifts_TheIntervalIsTheGaussianOne_AndNoWiderThanWithThem()
    {
        var calm = PublishedScale.Of(new EffectWorldSettings { ShiftHazard = 1e-12 });
        var gaussian = BayesFloor.Predict(calm, 0, Pre(0), Post);
        var shifting = Interval(Pre(0));

        // Symmetric around the prediction of a flat history, and narrower than when shifts may come.
        Assert.Equal(-gaussian.Low, gaussian.High, 2);
        Assert.True(gaussian.High - gaussian.Low < shifting.High - shifting.Low, $"{gaussian} vs {shifting}");
        Assert.True(gaussian.High - gaussian.Low > 2 * 1.96 * Math.Sqrt(Post.Sum(x => x.Noise)) / Post.Count);
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
