using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using static PulsePipeline.UnitTests.Effects.SyntheticPanel;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>The estimator's rules on small synthetic histories: planted effects, org-wide change, verdicts, post waves.</summary>
public sealed class EffectRulesTests
{
    private const int Units = 300, Waves = 14, Start = 9;

    [Fact]
    public void PlantedEffect_IsRecovered_ItsIntervalCoversIt_AndTheVerdictIsRight()
    {
        var treated = Enumerable.Range(0, 12).ToHashSet();
        var history = Build(Units, Waves, 1, (u, t) => treated.Contains(u) && t >= Start ? (-0.4, 0.3) : (0, 0), u => treated.Contains(u) ? 80 : 20 + u % 41);
        var interventions = treated.Select(u => new PlannedIntervention($"i{u}", Unit(u), InterventionTypes.LeadershipCoaching, Wave(Start))).ToList();

        var report = EffectEstimator.Estimate(history, interventions, null);

        var pressure = report.Effects.Where(e => e.Construct == Construct.Pressure).ToList();
        var speakUp = report.Effects.Where(e => e.Construct == Construct.SpeakUp).ToList();
        Assert.All(pressure, e => Assert.Equal(EffectVerdict.Improved, e.Verdict));
        Assert.All(speakUp, e => Assert.Equal(EffectVerdict.Improved, e.Verdict));
        Assert.True(pressure.Count(e => e.CiLow <= -0.4 && -0.4 <= e.CiHigh) >= 10, string.Join("\n", pressure.Select(e => e.Summary)));
        Assert.True(speakUp.Count(e => e.CiLow <= 0.3 && 0.3 <= e.CiHigh) >= 10, string.Join("\n", speakUp.Select(e => e.Summary)));
        Assert.InRange(pressure.Average(e => e.Estimate!.Value), -0.5, -0.3);
        Assert.All(pressure, e => Assert.Equal(Waves - Start, e.PostWaves.Count));
    }

    [Fact]
    public void OrganisationWideChangeAlone_GivesNoEffect_WhileBeforeAfterShowsIt()
    {
        var history = Build(Units, Waves, 2, (_, t) => t >= Start ? (0.3, -0.3) : (0, 0));
        var interventions = Enumerable.Range(0, 20).Select(u => new PlannedIntervention($"i{u}", Unit(u * 7), InterventionTypes.DilemmaTraining, Wave(Start))).ToList();

        var report = EffectEstimator.Estimate(history, interventions, null);

        Assert.All(report.Effects, e => Assert.True(e.IsConclusive, e.Summary));
        Assert.InRange(report.Effects.Where(e => e.Construct == Construct.Pressure).Average(e => e.Estimate!.Value), -0.05, 0.05);
        Assert.InRange(report.Effects.Where(e => e.Construct == Construct.Pressure).Average(e => e.BeforeAfter!.Value), 0.2, 0.4);
        Assert.True(report.Effects.Count(e => e.Verdict is EffectVerdict.Improved or EffectVerdict.Worsened) <= 3, string.Join("\n", report.Effects.Select(e => e.Summary)));
    }

    [Theory]
    [InlineData(Construct.Pressure, -0.3, -0.1, EffectVerdict.Improved)]
    [InlineData(Construct.Pressure, 0.1, 0.3, EffectVerdict.Worsened)]
    [InlineData(Construct.Pressure, -0.3, 0.1, EffectVerdict.NoClearChange)]
    [InlineData(Construct.Pressure, -0.3, 0.0, EffectVerdict.NoClearChange)]
    [InlineData(Construct.SpeakUp, 0.1, 0.3, EffectVerdict.Improved)]
    [InlineData(Construct.SpeakUp, -0.3, -0.1, EffectVerdict.Worsened)]
    [InlineData(Construct.SpeakUp, 0.0, 0.3, EffectVerdict.NoClearChange)]
    public void Verdict_FollowsTheInterval(Construct construct, double low, double high, EffectVerdict expected) =>
        Assert.Equal(expected, EffectWords.Verdict(construct, low, high));

    [Fact]
    public void EveryEstimatedVerdict_IsImprovedOrWorsenedOnlyWhenTheIntervalExcludesZero()
    {
        var treated = Enumerable.Range(0, 40).ToHashSet();
        var history = Build(Units, Waves, 3, (u, t) => treated.Contains(u) && t >= Start ? (u % 4 * -0.1, u % 3 * 0.1) : (0, 0));
        var interventions = treated.Select(u => new PlannedIntervention($"i{u}", Unit(u), InterventionTypes.Other, Wave(Start))).ToList();

        var effects = EffectEstimator.Estimate(history, interventions, null).Effects.Where(e => e.IsConclusive).ToList();

        Assert.Contains(effects, e => e.Verdict == EffectVerdict.NoClearChange);
        Assert.Contains(effects, e => e.Verdict == EffectVerdict.Improved);
        Assert.All(effects, e => Assert.Equal(e.Verdict != EffectVerdict.NoClearChange, e.CiLow > 0 || e.CiHigh < 0));
        Assert.All(effects.Where(e => e.Verdict == EffectVerdict.NoClearChange), e => Assert.Contains("rules out", e.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public void PostWaves_StopBeforeTheNextInterventionInTheSameUnit_AndSkipSuppressedWaves()
    {
        var history = Build(Units, Waves, 4);
        var suppressed = Wave(Start + 1);
        history = [.. history.Select(r => r.Unit == Unit(0) && r.Wave == suppressed ? HistoryRow.Suppressed(r.Wave, r.Unit, r.Invited) : r)];
        var first = new PlannedIntervention("a", Unit(0), InterventionTypes.MoralDeliberation, Wave(Start));
        var second = new PlannedIntervention("b", Unit(0), InterventionTypes.LeadershipCoaching, Wave(Start + 3));

        var report = EffectEstimator.Estimate(history, [first, second], null);

        var a = report.Effects.First(e => e.Intervention.Id == "a");
        var b = report.Effects.First(e => e.Intervention.Id == "b");
        Assert.Equal([Wave(Start), Wave(Start + 2)], a.PostWaves);
        Assert.Equal(Enumerable.Range(Start + 3, Waves - Start - 3).Select(Wave), b.PostWaves);
        Assert.True(b.IsConclusive, b.Summary);
    }
}
