using PulsePipeline.Models.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The neighbour search picks the k smallest distances with ties in placebo order, and lists those below the k-th
/// value before those equal to it: the order the local fit sums them in, so any other order would change the doubles.
/// </summary>
public sealed class NeighbourSearchTests
{
    [Theory]
    [InlineData(1, 2000, 300, 1000.0)]
    [InlineData(2, 2000, 300, 7.0)]
    [InlineData(3, 301, 300, 3.0)]
    [InlineData(4, 300, 300, 50.0)]
    [InlineData(5, 1000, 1, 2.0)]
    public void TheNearest_AreTheKSmallest_TiesInPlaceboOrder_BelowTheKthFirst(int seed, int n, int k, double values)
    {
        var random = new Random(seed);
        // Few distinct values: ties at the k-th value, as windows with the same features give.
        var distance = Enumerable.Range(0, n).Select(_ => Math.Floor(random.NextDouble() * values)).ToArray();

        var chosen = NeighbourSearch.Nearest(distance, k);

        Assert.Equal(Expected(distance, k), chosen);
    }

    [Fact]
    public void ANaNDistance_StillGivesKPlacebos()
    {
        var distance = Enumerable.Range(0, 500).Select(i => i % 7 == 0 ? double.NaN : 500.0 - i).ToArray();

        var chosen = NeighbourSearch.Nearest(distance, 30);

        Assert.Equal(30, chosen.Length);
        Assert.Equal(chosen.Length, chosen.Distinct().Count());
    }

    /// <summary>By sorting: the k-th value, then the indices below it in order, then those equal to it in order.</summary>
    private static int[] Expected(double[] distance, int k)
    {
        var kth = distance.Order().ElementAt(k - 1);
        var below = Enumerable.Range(0, distance.Length).Where(i => distance[i] < kth);
        var tied = Enumerable.Range(0, distance.Length).Where(i => distance[i] == kth);
        return [.. below.Concat(tied).Take(k)];
    }
}
