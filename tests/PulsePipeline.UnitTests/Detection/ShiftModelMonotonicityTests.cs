using PulsePipeline.Models.Detection.Features;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>
/// More adverse evidence never lowers a unit's score: otherwise a unit that worsened more could stay unflagged while a
/// milder one is flagged, which nobody could explain to IPIM.
/// </summary>
[Collection(SharedShiftModel.Name)]
public sealed class ShiftModelMonotonicityTests(ShiftModelFixture fixture)
{
    private static readonly double[] Steps = [.. Enumerable.Range(0, 21).Select(i => i * 0.25)];

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(60)]
    public void Score_NeverFalls_AsAdverseEvidenceGrows(int n)
    {
        foreach (var other in new[] { 0.0, 1.0, 2.5 })
        {
            foreach (var history in new[] { 2, 6 })
            {
                AssertNonDecreasing(Steps.Select(z => FeatureBuilder.Features(z, other, n, 0, history)).ToList(), $"single-wave z, n={n}, two-wave z {other}");
                AssertNonDecreasing(Steps.Select(z => FeatureBuilder.Features(other, z, n, 0, history)).ToList(), $"two-wave z, n={n}, single-wave z {other}");
            }
        }
    }

    private void AssertNonDecreasing(List<float[]> features, string what)
    {
        var scores = fixture.Model.Score(features);
        for (var i = 1; i < scores.Length; i++)
        {
            Assert.True(scores[i] >= scores[i - 1] - 1e-9, $"{what}: score fell from {scores[i - 1]:0.0000} to {scores[i]:0.0000} at step {i}");
        }
    }
}
