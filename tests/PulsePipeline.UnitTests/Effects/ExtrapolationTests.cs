using PulsePipeline.Models.Effects;
using PulsePipeline.Lab.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using static PulsePipeline.UnitTests.Effects.SyntheticPanel;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The extrapolation guard: a treated unit whose history before the start moved further than any untreated unit's did
/// gets no confident number, and in a world like the demo's (one-wave spikes, each flagged unit treated the next wave)
/// interventions that do nothing do not lean favourable beyond their intervals.
/// </summary>
public sealed class ExtrapolationTests
{
    private static readonly IReadOnlyList<TypeEffect> NoEffect = [.. InterventionTypes.All.Select(t => new TypeEffect(t.Id, 0, 0, 1))];

    [Fact]
    public void ASpikeNoUntreatedUnitHad_IsInconclusive_SayingSo_WhileTheOtherConstructIsEstimated()
    {
        var history = Build(300, 12, 5, (u, t) => u == 1 && t == 7 ? (1.5, 0) : (0, 0));

        var report = EffectEstimator.Estimate(history, [new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8))], null);

        var pressure = report.Effects.Single(e => e.Construct == Construct.Pressure);
        Assert.Equal(InconclusiveReason.NoComparableChange, pressure.Reason);
        Assert.Null(pressure.Estimate);
        Assert.Equal("no comparable untreated unit had a change this large: what follows such a change could only be extrapolated", pressure.ReasonText);
        Assert.StartsWith("geen vergelijkbare eenheid zonder interventie had een zo grote verandering", EffectReasonTexts.Why(pressure, Language.Nl).ToString(), StringComparison.Ordinal);
        Assert.True(pressure.Missing.ComparisonWindows > 0);
        Assert.True(report.Effects.Single(e => e.Construct == Construct.SpeakUp).IsConclusive);
    }

    [Fact]
    public void TheSameSpike_IsEstimated_WhenUntreatedUnitsHadSuchSpikesToo()
    {
        // A third of the units spiked in the same wave; only unit 1 was treated after its spike.
        var history = Build(300, 12, 5, (u, t) => (u == 1 || u % 3 == 0) && t == 7 ? (1.5, 0) : (0, 0));

        var pressure = EffectEstimator.Estimate(history, [new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8))], null).Effects.Single(e => e.Construct == Construct.Pressure);

        Assert.True(pressure.IsConclusive, pressure.Summary);
        Assert.InRange(0, pressure.CiLow!.Value, pressure.CiHigh!.Value);
    }

    [Fact]
    public void InADemoLikeWorld_ZeroEffectsDoNotLeanFavourableBeyondTheirIntervals()
    {
        var world = EffectWorldSimulator.Simulate(new EffectWorldSettings
        {
            Units = 900,
            Seed = 41,
            Types = NoEffect,
            MinPermanentShare = 0,
            MaxPermanentShare = 0,
            FadePerWave = 0,
            MeanShiftSize = 0.6,
            TreatFlagged = 1.0,
            MaxTreatmentDelay = 1,
            UnflaggedShare = 0,
            BeforeHistory = 0,
        });

        var effects = EffectEstimator.Estimate(world.Rows, world.Planned, null).Effects;

        var conclusive = effects.Where(e => e.IsConclusive).ToList();
        var covered = (double)conclusive.Count(e => e.CiLow <= 0 && 0 <= e.CiHigh) / conclusive.Count;
        var lean = conclusive.Average(e => e.Construct == Construct.Pressure ? -e.Estimate!.Value : e.Estimate!.Value);
        Assert.True(covered >= 0.93, $"{covered:0.0%} of {conclusive.Count} cover zero");
        Assert.True(lean < 0.05, $"the estimates lean {lean:+0.000} to the favourable side");
        Assert.True(lean < 0.25 * conclusive.Average(e => e.CiHigh!.Value - e.CiLow!.Value) / 2, $"lean {lean:+0.000} against the half-widths");
        Assert.Contains(effects, e => e.Reason == InconclusiveReason.NoComparableChange);
    }
}
