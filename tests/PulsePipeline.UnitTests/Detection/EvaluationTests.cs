using PulsePipeline.Lab.Detection;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The evaluation of issue 4 at a small size (seconds): the false-alarm targets and the comparison with the baseline.</summary>
[Collection(SharedShiftModel.Name)]
public sealed class EvaluationTests(ShiftModelFixture fixture)
{
    [Fact]
    public void SmallEvaluation_MeetsEveryTarget()
    {
        var report = ShiftEvaluation.Run(new EvaluationSettings(), fixture.Model);
        var text = EvaluationText.Format(report);

        Assert.True(report.Model.FalseAlarmRate <= 0.02, text);
        Assert.True(report.Model.OrganisationWaveFalseAlarmRate <= 0.02, text);
        Assert.Equal(0, report.Model.ImprovementsFlaggedOnImprovedConstruct);
        Assert.True(report.Model.ImprovementFlagRate <= report.Model.FalseAlarmRate || report.Model.ImprovementExcessP >= 0.05, text);
        Assert.True(report.Model.Overall.Rate > report.MatchedBaseline.Overall.Rate, text);
        Assert.True(report.MatchedBaseline.FalseAlarmRate <= report.Model.FalseAlarmRate, text);
        Assert.True(report.OrganisationWaveChange.Significant, text);
        Assert.True(report.Passed, text);
        Assert.True(report.Model.UnchangedUnitWaves > 3000, "enough unit-waves for the rates to mean something");
    }

    [Fact]
    public void Recall_GrowsWithShiftSize()
    {
        var report = ShiftEvaluation.Run(new EvaluationSettings(), fixture.Model);
        var bySize = report.Model.Recall.Where(r => r.Dimension == "size").Select(r => r.Rate).ToList();

        Assert.Equal(3, bySize.Count);
        Assert.True(bySize[0] < bySize[2], string.Join(", ", bySize));
    }
}
