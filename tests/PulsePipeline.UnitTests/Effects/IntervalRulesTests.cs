using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>The rules behind an interval: conformal order statistics, the growth of errors with a move, what it could detect.</summary>
public sealed class IntervalRulesTests
{
    [Theory]
    [InlineData(300, 0.96, 6)]
    [InlineData(300, 0.95, 7)]
    [InlineData(39, 0.95, 1)]
    [InlineData(99, 0.90, 5)]
    public void TheInterval_IsTheJthSmallestAndLargest_WithJFromKPlusOne(int k, double level, int j)
    {
        var sorted = Enumerable.Range(1, k).Select(i => (double)i).ToArray();

        var (low, high) = NeighbourCorrection.Conformal(sorted, level);

        Assert.Equal((j, k + 1 - j), ((int)low, (int)high));
        Assert.True((k + 1 - 2.0 * j) / (k + 1) >= level - 1e-12, "a new exchangeable error falls inside with at least the level's chance");
    }

    [Fact]
    public void ErrorsGrowWithTheMove_NotBeforeIt()
    {
        var settings = EffectSettings.Default;

        Assert.Equal(1, NeighbourCorrection.Growth(-3, settings));
        Assert.Equal(1, NeighbourCorrection.Growth(0, settings));
        Assert.Equal(Math.Sqrt(2), NeighbourCorrection.Growth(settings.FlagGrowth, settings), 12);
        Assert.True(NeighbourCorrection.Growth(8, settings) > 3.9);
    }

    [Theory]
    [InlineData(Construct.Pressure, -0.10, -0.40, 0.20)]
    [InlineData(Construct.SpeakUp, 0.10, -0.20, 0.40)]
    public void TheDetectableImprovement_IsTheImprovingHalfPlusPointEightFourStandardErrors(Construct construct, double estimate, double low, double high)
    {
        var effect = new InterventionEffect(new PlannedIntervention("a", "u", InterventionTypes.Other, "2027-05"), construct, ["2027-05"], 8, estimate, low, high, EffectVerdict.NoClearChange, InconclusiveReason.None) { StandardError = 0.15 };

        Assert.Equal(0.3 + 0.8416212335729143 * 0.15, effect.DetectableImprovement!.Value, 12);
        Assert.EndsWith("an improvement of 0.43 points or more would likely (four times in five) have shown", effect.Summary, StringComparison.Ordinal);
        Assert.EndsWith("een verbetering van 0,43 punten of meer was waarschijnlijk (vier op de vijf keer) zichtbaar geweest", EffectReasonTexts.Line(effect, Language.Nl), StringComparison.Ordinal);
        Assert.Null((effect with { Estimate = null, Verdict = EffectVerdict.Inconclusive }).DetectableImprovement);
    }
}
