using PulsePipeline.Models.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The per-band calibration stretches the neighbours' interval where a band's windows err more widely than the
/// neighbours it shares with other bands, and narrows it where they err less: Mondrian split-conformal, per band.
/// </summary>
public sealed class BandCalibrationTests
{
    [Fact]
    public void ABandThatErrsTwiceAsWide_IsStretched_AndTheOtherNarrowed()
    {
        var settings = EffectSettings.Default with { Recalibrated = true };
        var random = new Random(7);
        // 400 units of each band, 3 windows each, after flag-like moves; the small band's errors are twice as wide.
        var placebos = Enumerable.Range(0, 2400).Select(i =>
        {
            var unit = i / 3;
            var band = unit % 2 == 0 ? 0 : 2;
            var error = Gaussian(random) * (band == 0 ? 2.0 : 1.0);
            return new Placebo(unit, i % 3, Gaussian(random), Gaussian(random), 0, error, 2 + random.NextDouble(), random.NextDouble(), false, band);
        }).ToArray();

        var small = BandCalibration.Scale(placebos, 0, settings);
        var large = BandCalibration.Scale(placebos, 2, settings);

        Assert.True(small > 1.05 && large < 0.9, $"small band ×{small:0.00}, large band ×{large:0.00}");
        Assert.InRange(small / large, 1.6, 2.5); // their errors are twice as wide
        Assert.Equal(small, BandCalibration.Scale(placebos, 0, settings));
    }

    [Fact]
    public void ABandWithTooFewFlaggedWindows_IsCalibratedWithTheOthers()
    {
        var settings = EffectSettings.Default with { Recalibrated = true };
        var random = new Random(11);
        var placebos = Enumerable.Range(0, 1500).Select(i => new Placebo(i / 3, i % 3, Gaussian(random), 0, 0, Gaussian(random), 3, 0, false, i < 60 ? 1 : 2)).ToArray();

        Assert.Equal(BandCalibration.Scale(placebos, 1, settings), BandCalibration.Scale([.. placebos.Select(p => p with { Band = 1 })], 1, settings), 12);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
