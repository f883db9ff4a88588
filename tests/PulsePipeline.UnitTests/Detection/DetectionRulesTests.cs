using PulsePipeline.Models.Detection;
using static PulsePipeline.UnitTests.Detection.SyntheticHistory;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>One test per rule of the detector (issue 4): what must and must never be flagged.</summary>
[Collection(SharedShiftModel.Name)]
public sealed class DetectionRulesTests(ShiftModelFixture fixture)
{
    private const int HistoryWaves = 7;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void OrganisationWideShiftAlone_FlagsNoUnit_AndIsReportedOnceAsOrganisationChange(int seed)
    {
        // Everyone's pressure rises by 0.5 and speak-up falls by 0.5 in the last wave: for a unit of 45 that alone
        // would be a z of about 4. The same organisation without the shift is the control.
        var shifted = new SyntheticHistory()
            .Background(60, HistoryWaves + 1, seed, pressureShift: w => w == HistoryWaves ? 0.5 : 0, speakUpShift: w => w == HistoryWaves ? -0.5 : 0);
        var control = new SyntheticHistory().Background(60, HistoryWaves + 1, seed);

        var result = ShiftDetector.Detect(shifted.Rows, fixture.Model);
        var unshifted = ShiftDetector.Detect(control.Rows, fixture.Model);

        var wave = Wave(HistoryWaves);
        var flagged = result.FlagsFor(wave).Where(f => f.Flagged).Select(f => f.Unit).ToHashSet();

        // At most the control's own noise alarms (about 1% of units) remain; the shift adds none.
        Assert.Subset(unshifted.FlagsFor(wave).Where(f => f.Flagged).Select(f => f.Unit).ToHashSet(), flagged);

        var organisation = result.OrganisationFor(wave);
        Assert.True(organisation.Significant && organisation.Adverse, organisation.Description);
        Assert.InRange(organisation.PressureChange!.Value, 0.4, 0.6);
        Assert.InRange(organisation.SpeakUpChange!.Value, -0.6, -0.4);
        Assert.Single(result.Organisation, o => o.Significant);
    }

    [Fact]
    public void OrganisationWideShift_InAnOrganisationWithoutNoise_FlagsNothingAtAll()
    {
        var history = new SyntheticHistory();
        for (var u = 0; u < 30; u++)
        {
            var (p, s) = (2.0 + 0.02 * u, 3.0 + 0.03 * u);
            history.Unit($"u{u}", 5 + 3 * u, Flat(p, HistoryWaves, p + 0.6), Flat(s, HistoryWaves, s - 0.6));
        }

        var result = ShiftDetector.Detect(history.Rows, fixture.Model);

        Assert.DoesNotContain(result.Flags, f => f.Flagged);
        Assert.InRange(result.OrganisationFor(Wave(HistoryWaves)).PressureChange!.Value, 0.55, 0.65);
        Assert.True(result.OrganisationFor(Wave(HistoryWaves)).Adverse);
    }

    [Theory]
    [InlineData(40, 0.8, true, true)]
    [InlineData(40, 1.5, true, false)]
    [InlineData(40, 1.5, false, true)]
    [InlineData(5, 1.5, true, true)]
    [InlineData(80, 0.3, true, true)]
    public void Improvement_IsNeverFlagged(int n, double size, bool pressure, bool speakUp)
    {
        // Pressure falls and/or speak-up safety rises, and stays so for two waves.
        var history = new SyntheticHistory()
            .Background(40, HistoryWaves + 2, seed: 5)
            .Unit("better", n, Flat(2.4, HistoryWaves, pressure ? 2.4 - size : 2.4, pressure ? 2.4 - size : 2.4), Flat(3.2, HistoryWaves, speakUp ? 3.2 + size : 3.2, speakUp ? 3.2 + size : 3.2));

        var result = ShiftDetector.Detect(history.Rows, fixture.Model);

        var better = result.Flags.Where(f => f.Unit == "better" && f.Status == UnitFlagStatus.Scored).ToList();
        Assert.NotEmpty(better);
        Assert.All(better, f => Assert.False(f.Flagged, $"{f.Wave}: {f.ReasonText}"));
    }

    [Fact]
    public void SameShift_IsFlaggedAtN40_ButNotAtN5_WhereItIsWithinNoise()
    {
        var pressure = Flat(2.2, HistoryWaves, 2.7);
        var speakUp = Flat(3.4, HistoryWaves, 3.4);
        var history = new SyntheticHistory()
            .Background(40, HistoryWaves + 1, seed: 7)
            .Unit("large", 40, pressure, speakUp)
            .Unit("small", 5, pressure, speakUp);

        var flags = ShiftDetector.Detect(history.Rows, fixture.Model).FlagsFor(Wave(HistoryWaves)).ToDictionary(f => f.Unit);

        var (large, small) = (flags["large"], flags["small"]);
        Assert.True(large.Flagged, large.ReasonText);
        Assert.False(small.Flagged, small.ReasonText);
        Assert.Matches(@"^pressure \+0\.[45]\d \(±0\.\d\d\) vs own history$", large.ReasonText);

        // Both moved by the same amount; only the uncertainty, which follows n, differs.
        Assert.Equal(large.PressureChange!.Value, small.PressureChange!.Value, 0.05);
        Assert.True(small.PressureUncertainty > 2 * large.PressureUncertainty, $"±{small.PressureUncertainty} vs ±{large.PressureUncertainty}");
        Assert.True(small.PressureUncertainty > small.PressureChange, "for n=5 the shift is within the 95% margin");
        Assert.True(large.PressureUncertainty < large.PressureChange, "for n=40 it is not");
    }

    [Fact]
    public void FallingSpeakUpSafety_IsFlagged_WithReasonInWords()
    {
        var history = new SyntheticHistory()
            .Background(40, HistoryWaves + 1, seed: 9)
            .Unit("quiet", 45, Flat(2.2, HistoryWaves, 2.2), Flat(3.6, HistoryWaves, 3.0));

        var flag = ShiftDetector.Detect(history.Rows, fixture.Model).FlagsFor(Wave(HistoryWaves)).Single(f => f.Unit == "quiet");

        Assert.True(flag.Flagged, flag.ReasonText);
        Assert.Matches(@"^speak-up safety -0\.\d\d \(±0\.\d\d\) vs own history", flag.ReasonText);
    }

    [Fact]
    public void PersistentShift_TooSmallForOneWave_IsFlaggedWhenItPersists()
    {
        // A rise of 0.42 in a unit of 30: one wave is not enough evidence, the same rise two waves running is.
        var history = new SyntheticHistory()
            .Background(40, HistoryWaves + 2, seed: 11)
            .Unit("drifting", 30, Flat(2.2, HistoryWaves, 2.62, 2.62), Flat(3.4, HistoryWaves + 2));

        var flags = ShiftDetector.Detect(history.Rows, fixture.Model).Flags.Where(f => f.Unit == "drifting").ToDictionary(f => f.Wave);

        Assert.False(flags[Wave(HistoryWaves)].Flagged, flags[Wave(HistoryWaves)].ReasonText);
        Assert.True(flags[Wave(HistoryWaves + 1)].Flagged, flags[Wave(HistoryWaves + 1)].ReasonText);
        Assert.Contains("over this and the previous wave", flags[Wave(HistoryWaves + 1)].ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitWithoutEnoughHistory_OrSuppressed_IsNotScored()
    {
        var rows = new SyntheticHistory().Background(20, 3, seed: 13).Rows.ToList();
        rows.Add(HistoryRow.Suppressed(Wave(2), "hidden", invited: 4));

        var result = ShiftDetector.Detect(rows, fixture.Model);

        Assert.All(result.FlagsFor(Wave(1)), f => Assert.Equal(UnitFlagStatus.NotEnoughHistory, f.Status));
        var hidden = result.Flags.Single(f => f.Unit == "hidden");
        Assert.Equal(UnitFlagStatus.Suppressed, hidden.Status);
        Assert.False(hidden.Flagged);
        Assert.Null(hidden.Score);
    }
}
