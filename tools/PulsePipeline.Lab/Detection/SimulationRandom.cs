namespace PulsePipeline.Lab.Detection;

/// <summary>A seeded source of uniform and normal draws; the same seed gives the same history on every run.</summary>
internal sealed class SimulationRandom(int seed)
{
    private readonly Random random = new(seed);
    private double? spare;

    public double Uniform() => random.NextDouble();

    public double Uniform(double lo, double hi) => lo + (hi - lo) * random.NextDouble();

    public int Next(int lo, int hiExclusive) => random.Next(lo, hiExclusive);

    /// <summary>A standard normal draw (Box–Muller, using both values of each pair).</summary>
    public double Normal()
    {
        if (spare is { } s)
        {
            spare = null;
            return s;
        }

        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(u1));
        spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    public int Binomial(int trials, double p)
    {
        var k = 0;
        for (var i = 0; i < trials; i++)
        {
            if (random.NextDouble() < p)
            {
                k++;
            }
        }

        return k;
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
