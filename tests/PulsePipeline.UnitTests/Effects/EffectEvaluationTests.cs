using PulsePipeline.Lab.Effects;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// A small run of `pulse evaluate-effects` (one world of 900 units, seconds): the targets with some slack, since
/// one small world is noisier than the default run whose figures docs/EFFECTS.md reports.
/// </summary>
public sealed class EffectEvaluationTests
{
    [Fact]
    public void SmallEvaluation_MeetsTheTargetsWithSlack()
    {
        var report = EffectEvaluation.Run(EffectEvaluationSettings.Quick with { Worlds = 1, Seed = 31 });
        var text = EffectEvaluationText.Format(report);
        var all = report.Points[0].Overall;

        Assert.True(all.Effects > 300, text);
        Assert.True(all.Coverage >= 0.92, text);
        Assert.True(report.Points[0].ByBand.All(b => b.Coverage >= 0.85), text);
        Assert.True(all.ZeroLabelled <= 0.08, text);
        Assert.True(Math.Abs(all.PressureBias) <= 0.04 && Math.Abs(all.SpeakUpBias) <= 0.04, text);
        Assert.True(Math.Abs(all.PressureNaiveBias) > 0.05 && Math.Abs(all.SpeakUpNaiveBias) > 0.05, text);
        Assert.True(all.InconclusiveShare <= 0.15, text);
        Assert.True(all.WidthRatio <= 2.0, text);
        Assert.True(all.FloorRatio > 1 && all.FloorRatio < all.WidthRatio, text);
        Assert.True(all.FloorRatioAllPre <= all.FloorRatio, text);
        Assert.Contains("floor ratio, all pre waves", text, StringComparison.Ordinal);
        Assert.True(all.ExactRatio > all.FloorRatio && all.ExactRatioAllPre > all.FloorRatioAllPre, text);
        Assert.True(all.Exact.Coverage >= 0.92 && all.ExactAllPre.Coverage >= 0.92, text);
        Assert.Contains("exact floor, all pre waves", text, StringComparison.Ordinal);
        Assert.True(all.Power > 0.25, text);
        Assert.Contains("[met] inconclusive", text, StringComparison.Ordinal);
    }
}
