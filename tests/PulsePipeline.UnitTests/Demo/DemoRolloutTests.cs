using System.Globalization;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Pipeline.Effects;
using Xunit.Abstractions;

namespace PulsePipeline.UnitTests.Demo;

/// <summary>
/// The default demo's rollout plan, run in memory (<see cref="DemoOffline"/>): drawn over the departments spiked for it,
/// estimated by the plan estimator as the effects step estimates it, and printed by the demo's report with the planted
/// value beside the estimate and the observational pooled row of the same units.
/// </summary>
public sealed class DemoRolloutTests(ITestOutputHelper output)
{
    private static readonly DemoOffline Run = DemoOffline.Run(DemoCommand.DefaultEmployees, DemoCommand.DefaultUnits, DemoCommand.DefaultWaves, DemoCommand.DefaultSeed);

    private static string AsOf => DemoRun.WaveId(DemoCommand.DefaultWaves);

    [Fact]
    public void DefaultDemo_DrawsEveryRolloutUnit_IntoTwoCohortsAWaveApart_AndTheyAnswerWithThePlantedEffectFromTheirStart()
    {
        var rollout = Assert.IsType<Models.Plans.RolloutPlan>(Run.Rollout);
        var members = rollout.Drawing!.Members;

        Assert.Equal(DemoPlan.RolloutUnits, members.Count);
        Assert.Equal(Run.Plan.RolloutShifts.Select(s => s.Unit).Order(StringComparer.Ordinal), members.Select(m => m.Unit).Order(StringComparer.Ordinal));
        Assert.Empty(members.Select(m => m.Unit).Intersect(Run.Plan.Starts.Keys));
        Assert.Equal([DemoRun.WaveId(DemoPlan.EffectsOnset + 1), DemoRun.WaveId(DemoPlan.EffectsOnset + 2)], members.Select(m => m.StartWave).Distinct().Order(StringComparer.Ordinal));
        Assert.All(members.GroupBy(m => m.Cohort), g => Assert.Equal(DemoPlan.RolloutUnits / DemoRollout.Cohorts, g.Count()));
        var member = members[0];
        var start = DemoRun.WaveNumber(member.StartWave);
        Assert.Equal((0.0, 0.0), Run.Plan.StepIn(member.Unit, DemoPlan.EffectsOnset - 1));
        Assert.Equal((Run.Plan.Rollout!.Pressure, Run.Plan.Rollout.SpeakUp), Run.Plan.StepIn(member.Unit, start));
        Assert.True(Run.Plan.PlanEffectInScalePoints(member.Unit, Run.Climates[member.Unit], Models.Instrument.Construct.Pressure, start) < 0);
    }

    [Fact]
    public void DefaultDemo_PrintsThePlansEstimate_WithItsIntervalAndPlantedValue_BesideThePooledRowOfTheSameUnits()
    {
        var rollout = Run.Rollout!;
        var effects = PlanEstimator.Estimate(Run.History, [PlanDesigns.Of(rollout)], AsOf);
        var report = EffectEstimator.Estimate(Run.History, Run.Interventions, AsOf, Run.Tree);
        var stored = report.Effects.Where(EffectStore.IsStored).Select(e => EffectRows.From(AsOf, e)).Concat(report.Pooled.Select(p => EffectRows.From(AsOf, p))).ToList();
        var published = Run.History.Where(r => r.IsPublished).Select(r => (r.Unit, DemoRun.WaveNumber(r.Wave))).ToHashSet();

        var lines = DemoRolloutReport.Lines(Run.Plan, rollout, effects, stored, Run.Climates, (u, w) => published.Contains((u, w)), AsOf);

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Contains(rollout.Id, lines[0], StringComparison.Ordinal);
        Assert.Equal(2, effects.Count);
        foreach (var effect in effects)
        {
            // The window is the first cohort's start wave, closed by the second's; its members are the first cohort.
            Assert.True(effect.IsConclusive, $"{effect.Construct}: {effect.Reason}");
            Assert.True(effect.WindowClosed);
            Assert.Equal([DemoRun.WaveId(DemoPlan.EffectsOnset + 1)], effect.Window);
            var first = rollout.Drawing!.Members.Where(m => m.Cohort == 0).Select(m => m.Unit).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(first.Order(StringComparer.Ordinal), effect.Counted.Select(c => c.Unit).Order(StringComparer.Ordinal));
            var planted = effect.Counted.Average(c => c.Waves.Average(w => Run.Plan.PlanEffectInScalePoints(c.Unit, Run.Climates[c.Unit], effect.Construct, DemoRun.WaveNumber(w))));
            var row = Assert.Single(lines, l => l.Contains("plan (randomised)", StringComparison.Ordinal) && l.Contains(Word(effect.Construct), StringComparison.Ordinal));
            Assert.Contains($"{Signed(planted)} {Signed(effect.Estimate),8}  {Signed(effect.CiLow)} to {Signed(effect.CiHigh)}", row, StringComparison.Ordinal);
            Assert.Contains($"{effect.Members} members counted", row, StringComparison.Ordinal);

            // One seeded world: the planted value lies in this interval (a 95% interval misses 1 in 20 worlds, not this one).
            Assert.InRange(planted, effect.CiLow!.Value, effect.CiHigh!.Value);
            var pooled = Assert.Single(report.Pooled, p => p.Type == rollout.Type && p.Construct == effect.Construct);

            // Half the members spiked on the other construct: their own estimates of this one are conclusive, and pooled.
            Assert.NotNull(pooled.Estimate);
            var pooledRow = Assert.Single(lines, l => l.Contains("observational, pooled", StringComparison.Ordinal) && l.Contains(Word(effect.Construct), StringComparison.Ordinal));
            Assert.Contains($"{Signed(pooled.Estimate)}  {Signed(pooled.CiLow)} to {Signed(pooled.CiHigh)}", pooledRow, StringComparison.Ordinal);
        }
    }

    private static string Word(Models.Instrument.Construct construct) => construct == Models.Instrument.Construct.Pressure ? "pressure" : "speak-up";

    private static string Signed(double? value) => value!.Value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
