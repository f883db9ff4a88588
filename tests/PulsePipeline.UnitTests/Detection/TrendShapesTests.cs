using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>What a run of published means shows, checked against the numbers (standard error 0.1 per point: a step counts beyond about 0.28).</summary>
public sealed class TrendShapesTests
{
    [Theory]
    [InlineData(TrendShape.JumpInLastWave, true, 3, 2.10, 2.12, 2.15, 3.54)]
    [InlineData(TrendShape.JumpInLastWave, true, 1, 2.15, 3.54)]
    [InlineData(TrendShape.JumpInLastWave, false, 2, 3.80, 3.75, 3.10)]
    [InlineData(TrendShape.Steady, true, 0, 2.10, 2.45, 2.80, 3.15)]
    [InlineData(TrendShape.Steady, false, 0, 3.60, 3.45, 3.30, 3.12, 2.95)]
    [InlineData(TrendShape.StepEarlier, true, 1, 2.10, 2.80, 2.85, 2.82)]
    [InlineData(TrendShape.BackToEarlierLevel, true, 2, 2.10, 2.12, 2.90, 2.15)]
    [InlineData(TrendShape.NoClearChange, false, 0, 2.10, 2.18, 2.05, 2.12)]
    [InlineData(TrendShape.UpAndDown, true, 0, 2.00, 2.60, 2.10, 2.70, 3.20)]
    public void TheWords_MatchTheNumbers(TrendShape shape, bool up, int at, params double[] means)
    {
        var reading = TrendShapes.Read([.. means.Select(m => new TrendValue(m, 0.1))]);

        Assert.Equal(shape, reading.Shape);
        Assert.Equal(up, reading.Up);
        Assert.Equal(at, reading.At);
        Assert.Equal(means.Length, reading.Points);
    }

    [Fact]
    public void AJumpIsNotASteadyRise_EvenWhenItMakesTheSlopeSignificant()
    {
        // 2.15 → 3.54 after flat waves: nearly all of the rise is the last step.
        var reading = TrendShapes.Read([new(2.10, 0.1), new(2.14, 0.1), new(2.12, 0.1), new(2.15, 0.1), new(3.54, 0.1)]);

        Assert.Equal(TrendShape.JumpInLastWave, reading.Shape);
    }

    [Fact]
    public void WhatCountsAsAStep_DependsOnTheNoise()
    {
        double[] means = [2.10, 2.45, 2.80];

        Assert.Equal(TrendShape.Steady, TrendShapes.Read([.. means.Select(m => new TrendValue(m, 0.05))]).Shape);
        Assert.Equal(TrendShape.NoClearChange, TrendShapes.Read([.. means.Select(m => new TrendValue(m, 0.5))]).Shape);
    }

    [Fact]
    public void OnePoint_IsTooFewForATrend()
    {
        Assert.Equal(TrendShape.TooFewPoints, TrendShapes.Read([new(2.1, 0.1)]).Shape);
        Assert.Equal(TrendShape.TooFewPoints, TrendShapes.Read([]).Shape);
    }
}
