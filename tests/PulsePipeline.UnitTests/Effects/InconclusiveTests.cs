using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Interventions;
using static PulsePipeline.UnitTests.Effects.SyntheticPanel;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>Each reason an effect is inconclusive: no estimate or interval, the reason in words and what would make it conclusive.</summary>
public sealed class InconclusiveTests
{
    private const int Units = 300, Waves = 12;
    private static readonly List<HistoryRow> History = Build(Units, Waves, 7);

    [Fact]
    public void NoPublishedWaveSinceTheStart_AsksForOneMoreWave()
    {
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(Waves)));

        Assert.Equal(InconclusiveReason.NoPostWave, effect.Reason);
        Assert.Equal(1, effect.MoreWavesNeeded);
        Assert.Equal("conclusive after 1 more published wave of the unit", effect.ConclusiveWhen);
    }

    [Fact]
    public void SuppressedSinceTheStart_IsNoPostWave()
    {
        var history = History.Select(r => r.Unit == Unit(1) && string.CompareOrdinal(r.Wave, Wave(Waves - 2)) >= 0 ? HistoryRow.Suppressed(r.Wave, r.Unit) : r).ToList();

        var effect = Single(history, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(Waves - 2)));

        Assert.Equal(InconclusiveReason.NoPostWave, effect.Reason);
        Assert.Contains("suppressed", effect.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerPreWavesThanTheMinimum_CannotBecomeConclusive()
    {
        var pre = EffectSettings.Default.MinPreWaves - 1;
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(pre)));

        Assert.Equal(InconclusiveReason.TooFewPreWaves, effect.Reason);
        Assert.Equal(1, effect.Missing.PreWaves);
        Assert.Contains("1 more would have been needed", effect.ReasonText, StringComparison.Ordinal);
        Assert.Contains("cannot become conclusive", effect.ConclusiveWhen, StringComparison.Ordinal);
    }

    [Fact]
    public void StartedBeforeTheHistoryBegins_MissesEveryPreWave()
    {
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, "2020-01"));

        Assert.Equal(InconclusiveReason.TooFewPreWaves, effect.Reason);
        Assert.Equal((0, EffectSettings.Default.MinPreWaves), (effect.PreWaves, effect.Missing.PreWaves));
    }

    [Fact]
    public void TwoInterventionsStartingTogetherInOneUnit_AreConfounded()
    {
        var a = new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8));
        var b = new PlannedIntervention("b", Unit(1), InterventionTypes.DilemmaTraining, Wave(8));

        var report = EffectEstimator.Estimate(History, [a, b], null);

        Assert.All(report.Effects, e => Assert.Equal(InconclusiveReason.Confounded, e.Reason));
        Assert.All(report.Effects, e => Assert.Equal(EffectShortfall.None, e.Missing));
    }

    [Fact]
    public void TooFewComparisonUnits_SaysHowManyAreNeeded()
    {
        var small = Build(20, Waves, 8);

        var effect = Single(small, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8)));

        Assert.Equal(InconclusiveReason.TooFewComparisons, effect.Reason);
        Assert.Equal(EffectSettings.Default.MinComparisonUnits - effect.ComparisonUnits, effect.Missing.ComparisonUnits);
        Assert.Equal(Math.Max(0, EffectSettings.Default.MinPlacebos - effect.Placebos), effect.Missing.ComparisonWindows);
        Assert.Contains($": {effect.Missing.ComparisonUnits} more are needed", effect.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIntervalTooWideToSayAnything_SaysHowManyMoreWaves_TheNarrowerTheLimitTheMore()
    {
        var intervention = new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(10));
        var effect = Single(History, intervention, new EffectSettings { MaxInformativeWidth = 0.05, MaxPostWaves = 1000 });
        var wider = Single(History, intervention, new EffectSettings { MaxInformativeWidth = 0.1, MaxPostWaves = 1000 });

        Assert.Equal(InconclusiveReason.TooWide, effect.Reason);
        Assert.True(effect.MoreWavesNeeded > wider.MoreWavesNeeded, $"{effect.MoreWavesNeeded} vs {wider.MoreWavesNeeded}");
        Assert.True(wider.MoreWavesNeeded > 1, $"{wider.MoreWavesNeeded}");
        Assert.Equal($"expected to be conclusive after {effect.MoreWavesNeeded} more published waves of the unit", effect.ConclusiveWhen);
    }

    [Fact]
    public void AnIntervalTooWideForTheWavesTheEstimateStillUses_CannotBecomeConclusiveOnItsOwn()
    {
        var intervention = new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(10));
        var open = Single(History, intervention, new EffectSettings { MaxInformativeWidth = 0.05, MaxPostWaves = 1000 });

        var effect = Single(History, intervention, new EffectSettings { MaxInformativeWidth = 0.05, MaxPostWaves = open.PostWaves.Count + open.MoreWavesNeeded!.Value - 1 });

        Assert.Equal((InconclusiveReason.TooWide, 0), (effect.Reason, effect.MoreWavesNeeded));
        Assert.StartsWith("cannot become conclusive on its own", effect.ConclusiveWhen, StringComparison.Ordinal);
    }

    private static InterventionEffect Single(List<HistoryRow> history, PlannedIntervention intervention, EffectSettings? settings = null)
    {
        var report = EffectEstimator.Estimate(history, [intervention], null, null, settings);
        Assert.Equal(2, report.Effects.Count);
        Assert.All(report.Effects, e =>
        {
            Assert.Equal(EffectVerdict.Inconclusive, e.Verdict);
            Assert.Null(e.Estimate);
            Assert.Null(e.CiLow);
            Assert.Null(e.CiHigh);
            Assert.NotEmpty(e.ReasonText);
            Assert.NotEmpty(e.ConclusiveWhen);
        });
        return report.Effects[0];
    }
}
