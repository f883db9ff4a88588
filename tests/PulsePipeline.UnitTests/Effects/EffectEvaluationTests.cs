using PulsePipeline.Lab.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// `pulse evaluate-effects`: the grid is an orthogonal array over the six factors, and a quick run (four worlds of 900
/// units, seconds) prints every world's figures with the naive comparison's bias beside the estimator's. Its worlds are
/// too small to judge the targets (docs/EFFECTS.md reports the default run), so only gross failures are asserted.
/// </summary>
public sealed class EffectEvaluationTests
{
    [Fact]
    public void TheGrid_HoldsEveryPairOfLevelsOfAnyTwoFactorsEquallyOften()
    {
        var columns = EffectGrid.Array[0].Length;
        for (var a = 0; a < columns; a++)
        {
            for (var b = a + 1; b < columns; b++)
            {
                var pairs = EffectGrid.Array.GroupBy(r => (r[a], r[b])).Select(g => g.Count()).ToList();
                Assert.Single(pairs.Distinct());
            }
        }

        var cells = EffectGrid.Cells(200);
        Assert.Equal(EffectGrid.Array.Length + 1, cells.Count);
        Assert.Equal(3, cells.Skip(1).Select(c => c.World.MedianStaff).Distinct().Count());
        Assert.Contains(cells, c => c.World.FirstTreatmentWave == 24 && c.World.Waves == 24 + EffectGrid.WavesAfterFirstStart);
    }

    [Fact]
    public void AQuickRun_PrintsEveryWorldsFigures_AndTheEstimatorBeatsBeforeAfter()
    {
        var report = EffectEvaluation.Run(EffectEvaluationSettings.Quick with { Seed = 7 });
        var text = EffectEvaluationText.Format(report);

        Assert.All(report.Cells, c => Assert.Contains(c.Cell.Name, text, StringComparison.Ordinal));
        Assert.Contains("bands judged together", text, StringComparison.Ordinal);
        Assert.Contains("result:", text, StringComparison.Ordinal);
        var effects = report.Cells.SelectMany(c => c.Effects).ToList();
        var all = EffectMetrics.Of("all", effects);
        Assert.True(all.Conclusive > 800, text);
        Assert.InRange(all.Coverage, 0.91, 0.99);
        Assert.True(all.ZeroLabelled <= 0.08, text);
        Assert.True(Math.Abs(all.Pressure.Estimate) <= 0.03 && Math.Abs(all.SpeakUp.Estimate) <= 0.03, text);
        Assert.True(Math.Abs(all.Pressure.BeforeAfter) > 0.05 && Math.Abs(all.SpeakUp.BeforeAfter) > 0.05, text);
        Assert.True(all.Widths.FloorCoverage >= 0.9 && all.Widths.AboveFloor > 1, text);
        Assert.True(all.Power > 0.2, text);
        Assert.InRange(all.PredictedPower, all.Power - 0.1, all.Power + 0.1);

        // What chance alone leaves: a calibrated 96% misses some targets; intervals that over-cover miss far more.
        var (calibrated, allMet) = ChanceMisses.Calibration(report, 0.96);
        var (overCovering, _) = ChanceMisses.Calibration(report, 0.99);
        Assert.True(calibrated > 0 && allMet is > 0 and < 1 && overCovering > calibrated + 3, text);
        Assert.Contains("by chance alone:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultWorld_OnASeedNotUsedForTuning_Covers93To97Percent()
    {
        // The estimator's settings were tuned on seeds below 200 (EffectEvaluationSettings.Seed); 301 is held out. Overall
        // only: in this world units under 20 respondents over-cover (97-98%, docs/EFFECTS.md), which the grid reports.
        var settings = new EffectEvaluationSettings { Cells = [EffectGrid.Cells(EffectEvaluationSettings.GridUnits)[0]], Worlds = 1, Seed = 301, FloorEvery = int.MaxValue };

        var report = EffectEvaluation.Run(settings);

        var cell = report.Cells.Single();
        var text = EffectEvaluationText.Format(report);
        Assert.Equal(EffectGrid.DefaultName, cell.Cell.Name);
        Assert.True(cell.Overall.Conclusive > 700, text);
        Assert.True(EffectCellResult.Calibrated(cell.Overall.Coverage), text);
    }
}
