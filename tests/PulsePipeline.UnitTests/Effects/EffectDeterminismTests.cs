using PulsePipeline.Lab.Effects;
using PulsePipeline.Models.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>Same input in any row order gives the same effects; the effects known at a wave use only waves up to it.</summary>
public sealed class EffectDeterminismTests
{
    private static readonly EffectWorld World = EffectWorldSimulator.Simulate(new EffectWorldSettings { Units = 500, Waves = 16, Seed = 5 });

    [Fact]
    public void ShuffledRows_GiveTheSameEffects()
    {
        var shuffled = World.Rows.ToList();
        new Random(3).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        var once = Csv(EffectEstimator.Estimate(World.Rows, World.Planned, null));
        var again = Csv(EffectEstimator.Estimate(shuffled, World.Planned, null));

        Assert.Equal(once, again);
        Assert.Contains(",improved", once, StringComparison.Ordinal);
    }

    [Fact]
    public void AsOfAWave_OnTheFullHistory_EqualsTheHistoryCutAtThatWave()
    {
        var asOf = World.Waves[11];
        var cut = World.Rows.Where(r => string.CompareOrdinal(r.Wave, asOf) <= 0).ToList();
        var started = World.Planned.Where(i => string.CompareOrdinal(i.StartWave, asOf) <= 0).ToList();

        var full = EffectEstimator.Estimate(World.Rows, started, asOf);
        var onCut = EffectEstimator.Estimate(cut, started, asOf);

        Assert.Equal(asOf, full.AsOfWave);
        Assert.Equal(Csv(onCut), Csv(full));
        Assert.All(full.Effects, e => Assert.All(e.PostWaves, w => Assert.True(string.CompareOrdinal(w, asOf) <= 0)));
    }

    [Fact]
    public void LaterInterventions_DoNotChangeWhatIsKnownAtAnEarlierWave()
    {
        var asOf = World.Waves[11];
        var started = World.Planned.Where(i => string.CompareOrdinal(i.StartWave, asOf) <= 0).ToList();

        var withoutLater = EffectEstimator.Estimate(World.Rows, started, asOf);
        var withLater = EffectEstimator.Estimate(World.Rows, World.Planned, asOf);

        Assert.Equal(Csv(withoutLater), Csv(new EffectReport(withLater.AsOfWave, withLater.Waves, [.. withLater.Effects.Where(e => started.Contains(e.Intervention))], withLater.Pooled, withLater.Models)));
    }

    private static string Csv(EffectReport report)
    {
        using var writer = new StringWriter();
        EffectsCsv.Write(writer, report);
        return writer.ToString();
    }
}
