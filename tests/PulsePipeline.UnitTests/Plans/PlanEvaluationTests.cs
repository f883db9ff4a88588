using PulsePipeline.Lab.Plans;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>
/// A small run of `pulse evaluate-plans` (eight worlds, one shifted world): the targets with slack, since a few
/// worlds are noisier than the default run whose figures docs/PLANS.md reports, and the floors ordered below the width.
/// </summary>
public sealed class PlanEvaluationTests
{
    [Fact]
    public void SmallEvaluation_IsHonest_AndThePlanRowSurvivesTheShiftTheObservationalRowDoesNot()
    {
        var report = PlanEvaluation.Run(PlanEvaluationSettings.Quick with { Worlds = 8, ShiftedWorlds = 1, Seed = 51 });
        var text = PlanEvaluationText.Format(report);

        Assert.True(report.Plans.Count >= 40, text);
        Assert.True(report.Coverage >= 0.90, text);
        Assert.True(report.ZeroLabelled <= 0.15, text);
        Assert.True(report.FloorRatio > 1 && report.FloorRatio < report.BaselineFloorRatio && report.BaselineFloorRatio < report.WidthRatio, text);

        // The interval is as wide as the estimate's errors need, not wider by a conservative test.
        Assert.InRange(PlanEvaluationReport.ErrorWidth(report.Conclusive) / report.MeanWidth, 0.8, 1.2);
        Assert.Equal(2, report.Shifted.Count);
        Assert.True(Math.Abs(report.ShiftedBias(Construct.Pressure, plan: false)) > 0.08, text);
        Assert.True(Math.Abs(report.ShiftedBias(Construct.Pressure, plan: true)) < Math.Abs(report.ShiftedBias(Construct.Pressure, plan: false)), text);
        Assert.Contains("design floor", text, StringComparison.Ordinal);
        Assert.Contains("power, true effect 0.25", text, StringComparison.Ordinal);
    }
}
