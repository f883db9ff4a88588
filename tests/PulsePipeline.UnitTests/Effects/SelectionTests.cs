using PulsePipeline.Lab.Effects;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// Units treated because they were flagged, with interventions that do nothing, in a world with an org-wide change: the
/// estimates stay near zero while the before/after comparison on the same rows does not (its bias is the org-wide change
/// plus regression to the mean and the persistence of real shifts, which partly cancel); and pooled rows per type.
/// </summary>
public sealed class SelectionTests
{
    private static readonly IReadOnlyList<TypeEffect> NoEffect = [.. InterventionTypes.All.Select(t => new TypeEffect(t.Id, 0, 0, 1))];

    [Fact]
    public void FlagSelectedUnits_WithZeroEffect_GiveEstimatesNearZero_WhileBeforeAfterDoesNot()
    {
        var world = EffectWorldSimulator.Simulate(new EffectWorldSettings { Units = 900, Seed = 21, Types = NoEffect });

        var effects = EffectEstimator.Estimate(world.Rows, world.Planned, null).Effects
            .Where((e, i) => world.Interventions[i / 2].AfterFlag && e.IsConclusive).ToList();

        Assert.True(effects.Count > 300, $"{effects.Count} flagged effects");
        foreach (var construct in EffectEstimator.Constructs)
        {
            var of = effects.Where(e => e.Construct == construct).ToList();
            var estimate = of.Average(e => e.Estimate!.Value);
            var naive = of.Average(e => e.BeforeAfter!.Value);
            Assert.True(Math.Abs(estimate) < 0.03, $"{construct}: estimate {estimate:0.000}, before/after {naive:0.000}");
            Assert.True(Math.Abs(naive) > 0.05 && Math.Abs(naive) > 3 * Math.Abs(estimate), $"{construct}: estimate {estimate:0.000}, before/after {naive:0.000}");
        }

        var labelled = (double)effects.Count(e => e.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened) / effects.Count;
        Assert.True(labelled < 0.12, $"{labelled:0.0%} labelled");
    }

    [Fact]
    public void PooledRows_WeighUnitsPerTypeAndConstruct_AndNeedTheMinimumOfUnits()
    {
        var world = EffectWorldSimulator.Simulate(new EffectWorldSettings { Units = 900, Seed = 22 });

        var report = EffectEstimator.Estimate(world.Rows, world.Planned, null);

        var coaching = report.Pooled.Single(p => p.Type == InterventionTypes.LeadershipCoaching && p.Construct == Construct.Pressure);
        var conclusive = report.Effects.Count(e => e.Intervention.Type == InterventionTypes.LeadershipCoaching && e.Construct == Construct.Pressure && e.IsConclusive);
        Assert.Equal(conclusive, coaching.Units);
        Assert.Equal(EffectVerdict.Improved, coaching.Verdict);
        Assert.InRange(-0.4, coaching.CiLow!.Value, coaching.CiHigh!.Value);
        var dilemma = report.Pooled.Single(p => p.Type == InterventionTypes.DilemmaTraining && p.Construct == Construct.SpeakUp);
        Assert.Equal(EffectVerdict.NoClearChange, dilemma.Verdict);

        var one = EffectEstimator.Estimate(world.Rows, [world.Planned.First(i => string.CompareOrdinal(i.StartWave, world.Waves[0]) > 0)], null);
        Assert.All(one.Pooled, p => Assert.Equal(EffectVerdict.Inconclusive, p.Verdict));
        Assert.All(one.Pooled, p => Assert.Equal((InconclusiveReason.TooFewUnits, EffectPooling.MinUnits - p.Units), (p.Reason, p.Missing.Units)));
    }
}
