using PulsePipeline.Lab.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The Gaussian part of the exact floor (the true-parameter linear predictor): without pre waves its error is the world's
/// prior spread, and every further pre wave can only narrow it.
/// </summary>
public sealed class WidthFloorTests
{
    private static readonly EffectWorldSettings World = new();

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(20)]
    public void WithoutPreWaves_ThePredictionErrorIsTheOffsetAndDriftVariance(int wave)
    {
        var phi2 = World.DriftPersistence * World.DriftPersistence;
        var expected = World.OffsetSd * World.OffsetSd + World.DriftSd * World.DriftSd * (1 - Math.Pow(phi2, wave + 1)) / (1 - phi2);

        var actual = WidthFloor.PredictionErrorVariance(World, [], [(wave, 0.04)]);

        Assert.Equal(expected, actual, 12);
        Assert.Equal(2 * 1.959963984540054 * 0.2, WidthFloor.Oracle([(wave, 0.04)]), 12);
    }

    [Fact]
    public void EveryFurtherPreWave_NarrowsOrKeepsThePredictionError_WhichNeverVanishes()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var start = random.Next(4, 20);
            var post = Enumerable.Range(start, random.Next(1, 9)).Select(t => (t, Noise(random))).ToList();
            var pre = Enumerable.Range(0, start).Select(t => (t, Noise(random))).ToList();
            var before = double.PositiveInfinity;
            for (var used = 0; used <= pre.Count; used++)
            {
                var error = WidthFloor.PredictionErrorVariance(World, [.. pre.TakeLast(used)], post);
                Assert.True(error <= before + 1e-12, $"trial {trial}: {used} pre waves gave {error}, fewer gave {before}");
                Assert.True(error > 0, $"trial {trial}: no prediction error left");
                before = error;
            }
        }
    }

    [Fact]
    public void NoiseFreePreWaves_LeaveTheUnknownFutureAndTheOffsetDriftSplit_ButLessThanNoisyOnes()
    {
        var post = new List<(int, double)> { (12, 0.01) };
        var precise = WidthFloor.PredictionErrorVariance(World, [.. Enumerable.Range(0, 12).Select(t => (t, 1e-9))], post);
        var noisy = WidthFloor.PredictionErrorVariance(World, [.. Enumerable.Range(0, 12).Select(t => (t, 0.04))], post);

        // Wave 12's own innovation is unknowable; the offset and the drift are seen only as their sum, so their split
        // stays uncertain even without sampling noise. Sampling noise adds to that.
        Assert.True(precise >= World.DriftSd * World.DriftSd, $"{precise}");
        Assert.True(precise < 4 * World.DriftSd * World.DriftSd, $"{precise}");
        Assert.True(noisy > 2 * precise, $"{noisy} vs {precise}");
    }

    private static double Noise(Random random) => 0.005 + 0.1 * random.NextDouble();
}
