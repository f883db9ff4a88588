using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Plans;
using PulsePipeline.UnitTests.Effects;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>
/// The plan estimator on seeded synthetic panels (no I/O): it recovers a planted effect, gives about zero on a null plan,
/// its randomisation interval has its nominal size on null worlds, the organisation-wide change cancels, and it says why
/// when it cannot estimate.
/// </summary>
public sealed class PlanEstimatorTests
{
    private const int FirstStart = 6;

    [Fact]
    public void APlantedEffect_IsRecovered_AndCalledAnImprovement()
    {
        var (rows, plan) = World(members: 30, cohorts: 3, effect: 0.3, seed: 11);
        var effects = PlanEstimator.Estimate(rows, [plan], null);

        Assert.Equal(2, effects.Count);
        foreach (var e in effects)
        {
            var truth = e.Construct == Construct.Pressure ? -0.3 : 0.3;
            Assert.Equal(EffectVerdict.Improved, e.Verdict);
            Assert.InRange(e.Estimate!.Value, truth - 0.1, truth + 0.1);
            Assert.InRange(truth, e.CiLow!.Value, e.CiHigh!.Value);
            Assert.Equal(20, e.Members);
            Assert.Equal([SyntheticPanel.Wave(6), SyntheticPanel.Wave(7)], e.Window);
            Assert.True(e.WindowClosed);
        }
    }

    [Fact]
    public void NullPlans_AreAboutZero()
    {
        var estimates = Enumerable.Range(0, 20)
            .Select(seed => World(members: 30, cohorts: 3, effect: 0, seed: 100 + seed))
            .SelectMany(world => PlanEstimator.Estimate(world.Rows, [world.Plan], null))
            .ToList();

        foreach (var construct in new[] { Construct.Pressure, Construct.SpeakUp })
        {
            var mine = estimates.Where(e => e.Construct == construct).ToList();
            Assert.InRange(mine.Average(e => e.Estimate!.Value), -0.03, 0.03);
            Assert.True(mine.Average(e => Math.Abs(e.Estimate!.Value)) < mine.Average(e => e.CiHigh!.Value - e.CiLow!.Value) / 3);
        }
    }

    [Fact]
    public void OnNullWorlds_TheIntervalExcludesZeroAboutOneTimeInTwenty()
    {
        var labelled = 0;
        var total = 0;
        var settings = PlanSettings.Default with { Redraws = 400 };
        for (var seed = 1; seed <= 150; seed++)
        {
            var (rows, plan) = World(members: 12 + seed % 3 * 6, cohorts: 2 + seed % 3, effect: 0, seed: 1000 + seed);
            foreach (var e in PlanEstimator.Estimate(rows, [plan], null, settings))
            {
                total++;
                labelled += e.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened ? 1 : 0;
            }
        }

        // 300 tests at a nominal 5%: 15 expected, and 5–27 covers 99.9% of a correct test's runs.
        Assert.InRange(labelled, 5, 27);
        Assert.Equal(300, total);
    }

    [Fact]
    public void AnOrganisationWideStep_InTheWindow_Cancels()
    {
        var (calm, plan) = World(members: 24, cohorts: 3, effect: 0, seed: 21);
        var (stepped, _) = World(members: 24, cohorts: 3, effect: 0, seed: 21, step: 0.5);

        var before = PlanEstimator.Estimate(calm, [plan], null);
        var after = PlanEstimator.Estimate(stepped, [plan], null);

        Assert.Equal(before.Select(e => e.Estimate!.Value), after.Select(e => e.Estimate!.Value), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void TheResult_IsDeterministic()
    {
        var (rows, plan) = World(members: 20, cohorts: 4, effect: 0.2, seed: 31);

        Assert.Equal(PlanEstimator.Estimate(rows, [plan], null).Select(Figures), PlanEstimator.Estimate(rows, [plan], null).Select(Figures));
    }

    [Fact]
    public void OneStartWave_IsInconclusive_TooFewCohorts()
    {
        var (rows, plan) = World(members: 20, cohorts: 1, effect: 0, seed: 41);

        Assert.All(PlanEstimator.Estimate(rows, [plan], null), e => Assert.Equal(PlanReason.TooFewCohorts, e.Reason));
    }

    [Fact]
    public void BeforeTheFirstStartIsPublished_ThereIsNoWindowWave_AndTheWindowIsOpen()
    {
        var (rows, plan) = World(members: 20, cohorts: 3, effect: 0, seed: 42);

        Assert.All(PlanEstimator.Estimate(rows, [plan], SyntheticPanel.Wave(FirstStart - 1)), e =>
        {
            Assert.Equal(PlanReason.NoWindowWave, e.Reason);
            Assert.False(e.WindowClosed);
            Assert.Null(e.Estimate);
        });
    }

    [Fact]
    public void AsOfTheFirstStart_TheEstimateUsesThatWaveOnly_AndTheWindowIsOpen()
    {
        var (rows, plan) = World(members: 30, cohorts: 3, effect: 0.3, seed: 43);

        Assert.All(PlanEstimator.Estimate(rows, [plan], SyntheticPanel.Wave(FirstStart)), e =>
        {
            Assert.Equal([SyntheticPanel.Wave(FirstStart)], e.Window);
            Assert.False(e.WindowClosed);
            Assert.Equal(10, e.Members);
        });
    }

    [Fact]
    public void MembersWithoutAHistory_AreTooFew()
    {
        var (rows, plan) = World(members: 20, cohorts: 2, effect: 0, seed: 44);
        var strangers = plan with { Members = [.. plan.Members.Select((m, i) => i < 16 ? m with { Unit = $"not in the history {i}" } : m)] };

        var effects = PlanEstimator.Estimate(rows, [strangers], null);

        Assert.All(effects, e => Assert.Equal(PlanReason.TooFewMembers, e.Reason));
        Assert.All(effects, e => Assert.Equal(4, e.WithBaseline));
    }

    private static (double?, double?, double?) Figures(PlanEffect e) => (e.Estimate, e.CiLow, e.CiHigh);

    /// <summary>
    /// A synthetic panel of 60 units over 10 waves whose first <paramref name="members"/> units form a drawn plan with
    /// cohorts from wave 6 on; members improve by <paramref name="effect"/> from their start; every unit moves by
    /// <paramref name="step"/> (pressure up, speak-up down) from wave 7 on.
    /// </summary>
    internal static (List<HistoryRow> Rows, PlanDesign Plan) World(int members, int cohorts, double effect, int seed, double step = 0)
    {
        var starts = Enumerable.Range(FirstStart, cohorts).Select(SyntheticPanel.Wave).ToList();
        var drawn = PlanDraw.Draw((ulong)seed, [.. Enumerable.Range(0, members).Select(u => new PlanCandidate(SyntheticPanel.Unit(u), ""))], starts);
        var start = drawn.ToDictionary(m => m.Unit, m => FirstStart + m.Cohort);
        var rows = SyntheticPanel.Build(60, 10, seed, (u, t) =>
        {
            var org = t >= 7 ? step : 0;
            var treated = start.TryGetValue(SyntheticPanel.Unit(u), out var s) && t >= s ? effect : 0;
            return (org - treated, -org + treated);
        });
        return (rows, new PlanDesign($"pl-test-{seed}", "moral-deliberation", drawn));
    }
}
