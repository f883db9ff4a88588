using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>
/// The power per size band the workspace shows for an inconclusive effect: each effect's chance from its own interval
/// and standard error (the model behind the detectable improvement), inconclusive effects counted as not found, and
/// effects without a published wave since the start (which the pipeline does not store), or without a band, left out.
/// </summary>
public sealed class SizeBandPowerTests
{
    [Theory]
    [InlineData(Construct.Pressure, -0.10, -0.40, 0.20)]
    [InlineData(Construct.SpeakUp, 0.10, -0.20, 0.40)]
    public void AtTheDetectableImprovement_TheChanceIsFourInFive_AndAtTheImprovingHalfOneInTwo(Construct construct, double estimate, double low, double high)
    {
        const double se = 0.15;
        var detectable = InterventionEffect.Detectable(construct, estimate, low, high, se);

        Assert.Equal(0.8, InterventionEffect.FoundChance(construct, estimate, low, high, se, detectable), 5);
        Assert.Equal(0.5, InterventionEffect.FoundChance(construct, estimate, low, high, se, 0.3), 5);
        Assert.True(InterventionEffect.FoundChance(construct, estimate, low, high, se, 0.15) < 0.5);
    }

    [Fact]
    public void InconclusiveEffectsCountAsNotFound_AndWaitingOnesAreLeftOut()
    {
        var chance = SizeBandPower.Chance(Construct.SpeakUp, 0.1, -0.2, 0.4, 0.15)!.Value;
        SizeBandPower.Input[] effects =
        [
            new(Construct.SpeakUp, 12, 3, chance),
            new(Construct.SpeakUp, 15, 2, null),
            new(Construct.SpeakUp, 18, 0, null),
            new(Construct.SpeakUp, 0, 0, null),
            new(Construct.SpeakUp, 6, 2, 0.9),
            new(Construct.Pressure, 12, 3, 0.7),
        ];

        var powers = SizeBandPower.Of(effects);

        var middle = powers.Single(p => p.Band == 1 && p.Construct == Construct.SpeakUp);
        Assert.Equal(2, middle.Effects);
        Assert.Equal(chance / 2, middle.Found, 12);
        Assert.Equal((0, 1, 0.9), powers.Where(p => p.Band == 0).Select(p => (p.Band, p.Effects, p.Found)).Single());
        Assert.Equal(0.7, powers.Single(p => p.Construct == Construct.Pressure).Found, 12);
        Assert.Equal(3, powers.Count);
    }

    [Fact]
    public void TheWords_NameTheBandAndTheImprovement_InBothLanguages()
    {
        Assert.Equal("in units of this size (fewer than 10 respondents) a true improvement of 0.15 points is labelled improved about 23% of the time (over 41 effects as of this wave)", EffectReasonTexts.BandPowerWords(0, Language.En).With("23%", "41"));
        Assert.Equal("in eenheden van deze omvang (20 respondenten of meer) wordt een werkelijke verbetering van 0,15 punt ongeveer 23% van de keren als verbeterd herkend (over 41 effecten van deze meting)", EffectReasonTexts.BandPowerWords(2, Language.Nl).With("23%", "41"));
    }
}
