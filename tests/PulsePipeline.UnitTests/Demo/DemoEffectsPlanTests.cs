using PulsePipeline.Cli.Commands;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Models.Effects;
using Xunit.Abstractions;

namespace PulsePipeline.UnitTests.Demo;

/// <summary>The default demo's plan, run in memory: enough waves and comparison units for the estimator to give estimates.</summary>
public sealed class DemoEffectsPlanTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultDemo_GivesEveryPlantedIntervention_AnEstimate()
    {
        var run = DemoOffline.Run(DemoCommand.DefaultEmployees, DemoCommand.DefaultUnits, DemoCommand.DefaultWaves, DemoCommand.DefaultSeed);

        var report = EffectEstimator.Estimate(run.History, run.Interventions, DemoRun.WaveId(DemoCommand.DefaultWaves), run.Tree);

        foreach (var e in report.Effects)
        {
            var shift = run.Plan.Shifts.First(s => s.Unit == e.Intervention.Unit);
            output.WriteLine($"{e.Intervention.Unit} {e.Intervention.Type} {e.Construct}: planted {e.PostWaves.DefaultIfEmpty(DemoRun.WaveId(DemoCommand.DefaultWaves)).Average(w => DemoPlan.EffectInScalePoints(shift, run.Climates[shift.Unit], e.Construct, DemoRun.WaveNumber(w))):0.00}, {e.Summary} (placebos {e.Placebos}, units {e.ComparisonUnits}, n {e.MedianRespondents})");
        }

        Assert.Equal(6, run.Interventions.Count);
        Assert.All(report.Effects, e => Assert.NotEqual(EffectVerdict.Inconclusive, e.Verdict));
    }
}
