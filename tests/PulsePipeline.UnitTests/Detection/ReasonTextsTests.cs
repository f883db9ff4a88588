using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Features;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.UnitTests.Detection;

/// <summary>The detector's reasons are data, worded in Dutch or English from the same values; a steady trend is named only when the points are steady.</summary>
public sealed class ReasonTextsTests
{
    public static TheoryData<Reason, string, string> Worded => new()
    {
        { new Reason(ReasonKind.Moved, Construct.Pressure, 0.62, 0.21), "pressure +0.62 (±0.21) vs own history", "druk +0,62 (±0,21) t.o.v. de eigen geschiedenis" },
        {
            new Reason(ReasonKind.MovedOverTwoWaves, Construct.SpeakUp, -0.41, 0.18, OrganisationChange: -0.1),
            "speak-up safety -0.41 (±0.18) over this and the previous wave vs own history, beyond the organisation-wide -0.10",
            "meldveiligheid -0,41 (±0,18) over deze en de vorige meting t.o.v. de eigen geschiedenis, bovenop de organisatiebrede -0,10"
        },
        { new Reason(ReasonKind.Moved, Construct.Pressure, 0.3, 0.4, WithinNoise: true), "pressure +0.30 (±0.40) vs own history, within noise", "druk +0,30 (±0,40) t.o.v. de eigen geschiedenis, binnen de ruis" },
        { new Reason(ReasonKind.SteadyTrend, Construct.SpeakUp, Count: 5), "speak-up safety falling steadily over the last 5 waves", "meldveiligheid daalt gestaag over de laatste 5 metingen" },
        { new Reason(ReasonKind.ResponseRateFell, From: 0.7, To: 0.45), "response rate fell from 70% to 45%", "responspercentage gedaald van 70% naar 45%" },
        { new Reason(ReasonKind.Suppressed), "withheld this wave (too few respondents, or to protect a small group)", "deze meting afgeschermd (te weinig respondenten, of ter bescherming van een kleine groep)" },
        { new Reason(ReasonKind.NotEnoughHistory, Count: 2), "not enough history yet: 2 earlier published waves needed", "nog te weinig geschiedenis: 2 eerder gepubliceerde metingen nodig" },
        { new Reason(ReasonKind.NoAdverseChange), "no adverse change beyond noise", "geen ongunstige verandering boven de ruis" },
    };

    [Theory]
    [MemberData(nameof(Worded))]
    public void EachReason_IsWordedInBothLanguages(Reason reason, string english, string dutch)
    {
        Assert.Equal(english, ReasonTexts.Describe(reason, Language.En));
        Assert.Equal(dutch, ReasonTexts.Describe(reason, Language.Nl));
    }

    [Theory]
    [MemberData(nameof(Worded))]
    public void StoredReasons_ReadBackTheSame(Reason reason, string english, string dutch)
    {
        var read = Assert.Single(ReasonJson.Read(ReasonJson.Write([reason])));

        Assert.Equal(reason, read);
        Assert.Equal(english, ReasonTexts.Describe(read, Language.En));
        Assert.NotEqual(english, dutch);
    }

    [Fact]
    public void ASignificantSlopeFromOneJump_IsNotCalledASteadyRise()
    {
        var jump = new TrendReading(TrendShape.JumpInLastWave, true, 5, 6);
        var steady = new TrendReading(TrendShape.Steady, true, 0, 6);

        Assert.DoesNotContain(Reasons(jump), r => r.Kind == ReasonKind.SteadyTrend);
        Assert.Contains(new Reason(ReasonKind.SteadyTrend, Construct.Pressure, Count: 6), Reasons(steady));
    }

    /// <summary>The reasons for a flagged unit whose pressure moved 0.8 with a trend z of 3 and the given reading.</summary>
    private static IReadOnlyList<Reason> Reasons(TrendReading pressureTrend)
    {
        var pressure = new ConstructEvidence(0.8, 0.1, 8, null, null, null, 3.0, pressureTrend);
        var speakUp = new ConstructEvidence(0, 0.1, 0, null, null, null, 0, null);
        var row = new HistoryRow("2027-06", "u", 40, 80, 3.0, 0.7, 3.4, 0.8);
        var evidence = new UnitWaveEvidence(5, 0, row, UnitFlagStatus.Scored, pressure, speakUp, null, null, 5, null);
        return DetectorReasons.For(evidence, flagged: true, new OrganisationChange("2027-06", 40, 0, 0, 0, 0, false));
    }
}
