using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Alerts;

/// <summary>The IPIM digest: Dutch by default and English on request, its words true to its figures.</summary>
public sealed class IpimDigestTests
{
    private static readonly Reason PressureUp = new(ReasonKind.Moved, Construct.Pressure, 1.38, 0.31);

    [Fact]
    public void InDutch_EveryPartIsDutch_WithDecimalCommas()
    {
        var text = IpimDigest.Compose(Digest(Unit()), Language.Nl).Text;

        Assert.StartsWith("Integriteitspuls 2027-05: 1 eenheid nieuw gemarkeerd", text, StringComparison.Ordinal);
        Assert.Contains("nieuw gemarkeerd", text[text.IndexOf("Directie Beleid", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Wat veranderde: druk +1,38 (±0,31) t.o.v. de eigen geschiedenis", text, StringComparison.Ordinal);
        Assert.Contains("Respondenten deze meting: 40", text, StringComparison.Ordinal);
        Assert.Contains("Verloop druk (hoger is slechter): 2,10 → 2,12 → 2,15 → 3,54: een sprong omhoog in de laatste meting (2027-05)", text, StringComparison.Ordinal);
        Assert.Contains("Suggestie: Moreel beraad.", text, StringComparison.Ordinal);
        Assert.Contains("minstens 5 respondenten", text, StringComparison.Ordinal);
        Assert.DoesNotContain("What moved", text, StringComparison.Ordinal);
        Assert.DoesNotContain("steadily", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gestage", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InEnglish_TheSameDigestReadsInEnglish()
    {
        var content = IpimDigest.Compose(Digest(Unit()), Language.En);

        Assert.StartsWith("Integrity pulse 2027-05: 1 unit newly flagged", content.Text, StringComparison.Ordinal);
        Assert.Contains("What moved: pressure +1.38 (±0.31) vs own history", content.Text, StringComparison.Ordinal);
        Assert.Contains("Trend (pressure, higher is worse): 2.10 → 2.12 → 2.15 → 3.54: a jump up in the last wave (2027-05)", content.Text, StringComparison.Ordinal);
        Assert.Contains("Suggested: Moral deliberation.", content.Text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinuingFlags_AreNamedInTheSubjectAndTheBody_NotCalledNone()
    {
        var continuing = new DigestContinuing("c", ["Ministerie", "Directie Strategie", "Afdeling Subsidies"], "2027-03") { Explains = [["Ministerie", "Directie Strategie"]] };
        var quiet = new Digest("2027-05", null, [], [continuing], 5);
        var worse = new Digest("2027-05", null, [Unit() with { Since = "2027-04" }], [continuing], 5);

        var dutch = IpimDigest.Compose(quiet, Language.Nl).Text;
        var english = IpimDigest.Compose(worse, Language.En).Text;

        Assert.StartsWith("Integriteitspuls 2027-05: geen nieuwe markeringen, 1 eenheid blijft gemarkeerd", dutch, StringComparison.Ordinal);
        Assert.Contains("Ministerie › Directie Strategie › Afdeling Subsidies: gemarkeerd sinds 2027-03; verklaart ook de markering van Ministerie › Directie Strategie", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("geen eenheden gemarkeerd", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen eenheid laat", dutch, StringComparison.Ordinal);
        Assert.StartsWith("Integrity pulse 2027-05: none newly flagged, 2 units still flagged", english, StringComparison.Ordinal);
        Assert.Contains("flagged since 2027-04", english, StringComparison.Ordinal);
    }

    [Fact]
    public void ASteadyRise_IsCalledOne()
    {
        var unit = Unit() with { Trend = [Point("2027-02", 2.10), Point("2027-03", 2.45), Point("2027-04", 2.80), Point("2027-05", 3.15)] };

        var text = IpimDigest.Compose(Digest(unit), Language.En).Text;

        Assert.Contains("2.10 → 2.45 → 2.80 → 3.15: a steady rise over 4 waves", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPoint_SaysWhy()
    {
        var unit = Unit() with
        {
            Trend = [TrendPoint.Missing("2027-02", TrendGap.NotInOrganisation), TrendPoint.Missing("2027-03", TrendGap.Suppressed), Point("2027-04", 2.15), Point("2027-05", 3.54)],
        };

        var dutch = IpimDigest.Compose(Digest(unit), Language.Nl).Text;
        var english = IpimDigest.Compose(Digest(unit), Language.En).Text;

        Assert.Contains("– (bestond in 2027-02 nog niet) → – (2027-03 afgeschermd) → 2,15 → 3,54", dutch, StringComparison.Ordinal);
        Assert.Contains("– (not in the organisation in 2027-02) → – (2027-03 suppressed) → 2.15 → 3.54", english, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOrganisationWideChange_AppearsWhenThereIsOne_AndNotOtherwise()
    {
        var change = new OrganisationChange("2027-05", 118, 0.30, 0.03, -0.12, 0.04, true) { Adverse = true };

        var with = IpimDigest.Compose(Digest(Unit()) with { Organisation = change }, Language.Nl).Text;
        var quiet = IpimDigest.Compose(Digest(Unit()) with { Organisation = change with { Significant = false } }, Language.Nl).Text;
        var englishOnly = IpimDigest.Compose(Digest() with { Organisation = change }, Language.En).Text;

        Assert.Contains("Organisatiebreed: druk +0,30 (±0,03), meldveiligheid -0,12 (±0,04) sinds de vorige meting, over 118 eenheden, een ongunstige verandering.", with, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisatiebreed", quiet, StringComparison.Ordinal);
        Assert.Contains("Organisation-wide: pressure +0.30 (±0.03), speak-up safety -0.12 (±0.04) since the previous wave, over 118 units", englishOnly, StringComparison.Ordinal);
        Assert.Contains("No unit shows an adverse shift", englishOnly, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitNames_AreEncodedInTheHtml()
    {
        var unit = Unit() with { Path = ["Ministerie", "Directie <Uitvoering> & Toezicht"] };

        var html = IpimDigest.Compose(Digest(unit), Language.Nl).Html;

        Assert.Contains("Ministerie › Directie &lt;Uitvoering&gt; &amp; Toezicht", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Uitvoering>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
    }

    private static Digest Digest(params DigestUnit[] raised) => new("2027-05", null, raised, StillFlagged: [], K: 5);

    private static DigestUnit Unit() => new(
        "b",
        ["Ministerie", "Directie Beleid"],
        new UnitFlag("2027-05", "b", UnitFlagStatus.Scored, 40, true, 0.97, 1.38, 0.31, 0.02, 0.3, [PressureUp]),
        [Point("2027-02", 2.10), Point("2027-03", 2.12), Point("2027-04", 2.15), Point("2027-05", 3.54)],
        [new Suggestion(InterventionTypes.Get(InterventionTypes.MoralDeliberation), SuggestionReason.LeadershipPressure)]);

    private static TrendPoint Point(string wave, double pressure) => new(wave, 40, pressure, 0.7, 3.4, 0.8);
}
