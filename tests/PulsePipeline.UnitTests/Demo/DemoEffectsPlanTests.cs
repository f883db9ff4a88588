using PulsePipeline.Cli.Commands;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Models.Effects;
using Xunit.Abstractions;

namespace PulsePipeline.UnitTests.Demo;

/// <summary>
/// The default demo's plan, run in memory. The demo plants spikes only in the units it treats, so where no untreated unit
/// had a change as large, the estimate is inconclusive for that reason (the extrapolation guard) rather than extrapolated.
/// </summary>
public sealed class DemoEffectsPlanTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultDemo_EstimatesEveryPlantedIntervention_OrSaysNoUntreatedUnitHadSuchAChange()
    {
        var run = DemoOffline.Run(DemoCommand.DefaultEmployees, DemoCommand.DefaultUnits, DemoCommand.DefaultWaves, DemoCommand.DefaultSeed);

        var report = EffectEstimator.Estimate(run.History, run.Interventions, DemoRun.WaveId(DemoCommand.DefaultWaves), run.Tree);

        foreach (var e in report.Effects.Where(e => e.Intervention.Plan.Length == 0))
        {
            var shift = run.Plan.Shifts.First(s => s.Unit == e.Intervention.Unit);
            output.WriteLine($"{e.Intervention.Unit} {e.Intervention.Type} {e.Construct}: planted {e.PostWaves.DefaultIfEmpty(DemoRun.WaveId(DemoCommand.DefaultWaves)).Average(w => DemoPlan.EffectInScalePoints(shift, run.Climates[shift.Unit], e.Construct, DemoRun.WaveNumber(w))):0.00}, {e.Summary} (placebos {e.Placebos}, units {e.ComparisonUnits}, n {e.MedianRespondents})");
        }

        Assert.Equal(6, run.Interventions.Count(i => i.Plan.Length == 0));
        Assert.All(report.Effects.Where(e => !e.IsConclusive && e.Intervention.Plan.Length == 0), e => Assert.Equal(InconclusiveReason.NoComparableChange, e.Reason));
        Assert.Contains(report.Effects, e => e.IsConclusive);
    }
}
