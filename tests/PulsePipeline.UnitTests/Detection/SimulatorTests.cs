using PulsePipeline.Lab.Detection;

namespace PulsePipeline.UnitTests.Detection;

public sealed class SimulatorTests
{
    private static readonly SimulatedHistory History = HistorySimulator.Simulate(new SimulationSettings { Units = 600, Waves = 8, Seed = 1 });

    [Fact]
    public void Simulation_IsCalibratedToThe2018PanelRates()
    {
        Assert.InRange(History.SharePressured, 0.105, 0.125); // 11.5% pressured to break rules
        Assert.InRange(History.ShareInhibited, 0.225, 0.255); // 23.9% inhibited to report
    }

    [Fact]
    public void UnitSizes_SpreadFromThreeToOverEighty_MostSmall()
    {
        var n = History.Rows.Where(r => r.IsPublished).Select(r => r.N!.Value).Order().ToList();

        Assert.Equal(3, n[0]);
        Assert.True(n[^1] > 80, $"largest {n[^1]}");
        Assert.InRange(n[n.Count / 2], 8, 25);
        Assert.Contains(History.Rows, r => !r.IsPublished);
    }

    [Fact]
    public void SameSeed_GivesTheSameHistory_AndAnotherSeedAnother()
    {
        var again = HistorySimulator.Simulate(History.Settings);
        var other = HistorySimulator.Simulate(History.Settings with { Seed = 2 });

        Assert.Equal(History.Rows, again.Rows);
        Assert.Equal(History.Events, again.Events, (a, b) => a.Unit == b.Unit && a.Kind == b.Kind && a.Size == b.Size && a.OnsetWave == b.OnsetWave && a.Target == b.Target);
        Assert.NotEqual(History.Rows, other.Rows);
    }

    [Fact]
    public void PlantedShifts_CoverEverySizeAndTarget_AfterEnoughHistory()
    {
        var shifts = History.Events.Where(e => e.Kind == PlantedKind.Shift).ToList();

        Assert.Equal([0.3, 0.5, 0.8], shifts.Select(e => e.Size).Distinct().Order());
        Assert.Equal(["both", "pressure", "speak-up"], shifts.Select(e => e.Target).Distinct().Order());
        Assert.All(shifts, e => Assert.InRange(e.OnsetWave, History.Settings.FirstOnsetWave, History.Settings.Waves - 2));
        Assert.DoesNotContain(shifts, e => e.OnsetWave == History.OrganisationWave);
    }

    [Theory]
    [InlineData(2.3, 0.75, 0.3)]
    [InlineData(1.6, 0.75, 0.8)]
    [InlineData(3.3, 0.85, -0.5)]
    public void PlantedSize_IsTheChangeOfThePublishedMean_EvenNearTheFloor(double level, double sd, double observed)
    {
        var latent = HistorySimulator.LatentShift(level, sd, observed);

        var moved = Models.Detection.DetectionMath.ClampedNormalMean(level + latent, sd, 1, 5) - Models.Detection.DetectionMath.ClampedNormalMean(level, sd, 1, 5);
        Assert.Equal(observed, moved, 6);
        Assert.True(Math.Abs(latent) >= Math.Abs(observed));
    }
}
