using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Effects;

/// <summary>An effect's verdict is stored as its contract word and read back from it; readers get one word per verdict and language.</summary>
public sealed class EffectWordsTests
{
    [Fact]
    public void EachVerdict_IsStoredAsItsOwnWord_AndReadBackAsItself()
    {
        var verdicts = Enum.GetValues<EffectVerdict>();

        Assert.Equal(verdicts.Length, verdicts.Select(EffectWords.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(verdicts, v => Assert.Equal(v, EffectWords.VerdictOf(EffectWords.Id(v))));
        Assert.Equal(EffectVerdict.Inconclusive, EffectWords.VerdictOf("something else"));
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public void EachVerdict_HasItsOwnWordForReaders(Language language)
    {
        var verdicts = Enum.GetValues<EffectVerdict>();

        Assert.Equal(verdicts.Length, verdicts.Select(v => EffectReasonTexts.Verdict(v, language)).Distinct(StringComparer.Ordinal).Count());
        Assert.All(verdicts, v => Assert.Equal(EffectReasonTexts.Verdict(v, language), EffectReasonTexts.Verdict(EffectWords.Id(v), language)));
    }
}
