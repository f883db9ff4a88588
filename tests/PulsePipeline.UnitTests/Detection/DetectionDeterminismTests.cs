using PulsePipeline.Lab.Detection;
using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>No look-ahead and determinism: a wave's verdicts depend only on waves up to it, and on nothing else.</summary>
[Collection(SharedShiftModel.Name)]
public sealed class DetectionDeterminismTests(ShiftModelFixture fixture)
{
    private static readonly SimulatedHistory History = HistorySimulator.Simulate(new SimulationSettings { Units = 80, Waves = 10, Seed = 21 });

    [Fact]
    public void AppendingLaterWaves_NeverChangesAnEarlierWavesFlags()
    {
        var full = ShiftDetector.Detect(History.Rows, fixture.Model);
        Assert.Contains(full.Flags, f => f.Flagged); // the comparison covers flagged units too

        for (var last = 2; last < History.Waves.Count - 1; last++)
        {
            var cut = History.Waves[last];
            var partial = ShiftDetector.Detect(History.Rows.Where(r => string.CompareOrdinal(r.Wave, cut) <= 0), fixture.Model);

            Assert.Equal(Describe(full.Flags.Where(f => string.CompareOrdinal(f.Wave, cut) <= 0)), Describe(partial.Flags));
            Assert.Equal(full.Organisation.Take(last + 1), partial.Organisation);
        }
    }

    [Fact]
    public void SameInput_GivesIdenticalOutput_WhateverTheRowOrder()
    {
        var shuffled = History.Rows.OrderBy(r => r.Unit.GetHashCode(StringComparison.Ordinal)).ThenByDescending(r => r.Wave).ToList();

        var first = Csv(ShiftDetector.Detect(History.Rows, fixture.Model));
        var second = Csv(ShiftDetector.Detect(History.Rows, fixture.Model));
        var reordered = Csv(ShiftDetector.Detect(shuffled, fixture.Model));

        Assert.Equal(first, second);
        Assert.Equal(first, reordered);
    }

    [Fact]
    public void SameTraining_GivesTheSameModel()
    {
        var training = new ShiftModelTraining { Units = 300, Waves = 12 };

        var a = ShiftModelTrainer.Train(training);
        var b = ShiftModelTrainer.Train(training);

        Assert.Equal(a.Version, b.Version);
        Assert.Equal(a.Threshold, b.Threshold);
        Assert.Equal(Csv(ShiftDetector.Detect(History.Rows, a)), Csv(ShiftDetector.Detect(History.Rows, b)));
    }

    [Fact]
    public void DuplicateWaveAndUnit_IsRefused()
    {
        var rows = History.Rows.Append(History.Rows[5]);

        var error = Assert.Throws<ArgumentException>(() => ShiftDetector.Detect(rows, fixture.Model));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    private static string Csv(DetectionResult result)
    {
        var text = new StringWriter();
        FlagsCsv.Write(text, result.Flags);
        return text.ToString();
    }

    private static List<string> Describe(IEnumerable<UnitFlag> flags) =>
        flags.Select(f => $"{f.Wave} {f.Unit} {f.Status} {f.Flagged} {f.Score:R} {f.PressureChange:R} {f.PressureUncertainty:R} {f.SpeakUpChange:R} {f.SpeakUpUncertainty:R} {f.ReasonText}").ToList();
}
