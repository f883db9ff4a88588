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
        Assert.Contains("one more published wave", effect.ConclusiveWhen, StringComparison.Ordinal);
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
    public void FewerThanThreePreWaves_CannotBecomeConclusive()
    {
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(2)));

        Assert.Equal(InconclusiveReason.TooFewPreWaves, effect.Reason);
        Assert.Contains("only 2 published wave(s)", effect.ReasonText, StringComparison.Ordinal);
        Assert.Contains("cannot become conclusive", effect.ConclusiveWhen, StringComparison.Ordinal);
    }

    [Fact]
    public void StartedBeforeTheHistoryBegins_SaysSo()
    {
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, "2020-01"));

        Assert.Equal(InconclusiveReason.TooFewPreWaves, effect.Reason);
        Assert.Contains("before the history begins", effect.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoInterventionsStartingTogetherInOneUnit_AreConfounded()
    {
        var a = new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8));
        var b = new PlannedIntervention("b", Unit(1), InterventionTypes.DilemmaTraining, Wave(8));

        var report = EffectEstimator.Estimate(History, [a, b], null);

        Assert.All(report.Effects, e => Assert.Equal(InconclusiveReason.Confounded, e.Reason));
    }

    [Fact]
    public void TooFewComparisonUnits_SaysHowManyAreNeeded()
    {
        var small = Build(20, Waves, 8);

        var effect = Single(small, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(8)));

        Assert.Equal(InconclusiveReason.TooFewComparisons, effect.Reason);
        Assert.Contains($"{EffectSettings.Default.MinComparisonUnits} units", effect.ReasonText, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIntervalTooWideToSayAnything_SaysHowManyMoreWaves()
    {
        var effect = Single(History, new PlannedIntervention("a", Unit(1), InterventionTypes.Other, Wave(10)), new EffectSettings { MaxInformativeWidth = 0.05 });

        Assert.Equal(InconclusiveReason.TooWide, effect.Reason);
        Assert.Matches(@"roughly \d+ more published wave", effect.ConclusiveWhen);
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
