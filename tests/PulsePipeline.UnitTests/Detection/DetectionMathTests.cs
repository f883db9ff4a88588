using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

public sealed class DetectionMathTests
{
    [Theory]
    [InlineData(0.995, 2.5758293)]
    [InlineData(0.975, 1.9599640)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.3263479)]
    public void NormalQuantile_MatchesTables(double p, double z) => Assert.Equal(z, DetectionMath.NormalQuantile(p), 6);

    [Fact]
    public void WeightedMedian_IsNotDraggedByAFewLargeValues()
    {
        double[] values = [0.1, 0.2, 0.15, 0.12, 5, 6];
        double[] weights = [1, 1, 1, 1, 1, 1];

        Assert.InRange(DetectionMath.WeightedMedian(values, weights), 0.15, 0.2);
        Assert.Equal(5, DetectionMath.WeightedMedian(values, [1, 1, 1, 1, 10, 1]));
    }

    [Fact]
    public void ExcessVariance_IsRecoveredFromResiduals_DespiteAFewRealShifts()
    {
        var random = new Random(1);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var residuals = Enumerable.Range(0, 4000).Select(i =>
        {
            var known = 0.01 + 0.04 * (i % 5);
            var r = Math.Sqrt(known + 0.01) * Normal() + (i % 50 == 0 ? 1.0 : 0); // τ² = 0.01, 2% real shifts
            return (r * r, known);
        }).ToList();

        Assert.InRange(DetectionMath.SolveExcessVariance(residuals), 0.005, 0.016);
    }
}
