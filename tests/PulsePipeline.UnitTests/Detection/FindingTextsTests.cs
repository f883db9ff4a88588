using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The digest's subject names new and continuing flags; it says none are flagged only when none are.</summary>
public sealed class FindingTextsTests
{
    [Theory]
    [InlineData(0, 0, Language.Nl, "Integriteitspuls 2027-09: geen eenheden gemarkeerd")]
    [InlineData(0, 2, Language.Nl, "Integriteitspuls 2027-09: geen nieuwe markeringen, 2 eenheden blijven gemarkeerd")]
    [InlineData(1, 1, Language.Nl, "Integriteitspuls 2027-09: 1 eenheid nieuw gemarkeerd, 1 eenheid blijft gemarkeerd")]
    [InlineData(3, 0, Language.En, "Integrity pulse 2027-09: 3 units newly flagged")]
    [InlineData(0, 1, Language.En, "Integrity pulse 2027-09: none newly flagged, 1 unit still flagged")]
    public void Subject_NamesNewAndContinuingFlags(int fresh, int continuing, Language language, string expected) =>
        Assert.Equal(expected, FindingTexts.Subject("2027-09", fresh, continuing, language));

    [Fact]
    public void Status_IsNewOrSince()
    {
        Assert.Equal("nieuw gemarkeerd", FindingTexts.For(Language.Nl).Status("2027-09", "2027-09"));
        Assert.Equal("flagged since 2027-07", FindingTexts.For(Language.En).Status("2027-07", "2027-09"));
    }
}
