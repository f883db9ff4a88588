using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Alerts;

/// <summary>The digest's effects section: worded from the structured fields in both languages, names shown as text.</summary>
public sealed class EffectsSectionTests
{
    private static readonly PlannedIntervention Coaching = new("i1", "team <b>", InterventionTypes.LeadershipCoaching, "2027-03");

    [Fact]
    public void AConclusiveEffect_ShowsItsIntervalAndVerdict_InDutch_AndThePooledRow()
    {
        var text = IpimDigest.Compose(WithEffects(Improved(), Wide()), Language.Nl).Text;

        Assert.Contains("Effecten van eerdere interventies", text, StringComparison.Ordinal);
        Assert.Contains("Org › Team <b>: Leiderschapscoaching, gestart in 2027-03, 3 metingen sinds de start", text, StringComparison.Ordinal);
        Assert.Contains("druk -0,30 (95%-interval -0,50 tot -0,10) over 3 metingen: verbeterd", text, StringComparison.Ordinal);
        Assert.Contains("Leiderschapscoaching, druk -0,20 (95%-interval -0,35 tot -0,05) over 4 eenheden: verbeterd", text, StringComparison.Ordinal);
        Assert.DoesNotContain("improved", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInconclusiveEffect_SaysWhyAndWhatWouldMakeItConclusive_InBothLanguages()
    {
        var digest = WithEffects(Improved(), Wide());
        var nl = IpimDigest.Compose(digest, Language.Nl).Text;
        var en = IpimDigest.Compose(digest, Language.En).Text;

        Assert.Contains("meldveiligheid: onbeslist — het interval is zo breed dat het nog niets zegt (een kleine of vaak afgeschermde eenheid); naar verwachting sluitend na nog 4 gepubliceerde metingen van de eenheid", nl, StringComparison.Ordinal);
        Assert.Contains("speak-up safety: inconclusive — the interval is so wide that it says nothing yet (a small or often suppressed unit); expected to be conclusive after 4 more published waves of the unit", en, StringComparison.Ordinal);
    }

    [Fact]
    public void APooledTypeWithOneUnit_SaysHowManyMoreUnitsItNeeds()
    {
        var one = new PooledEffect(InterventionTypes.LeadershipCoaching, Construct.SpeakUp, 1, null, null, null, EffectVerdict.Inconclusive)
        {
            Reason = InconclusiveReason.TooFewUnits,
            Missing = new EffectShortfall(Units: 1),
            Inconclusive = 2,
        };
        var digest = WithEffects(Improved()) with { Pooled = [one] };

        Assert.Contains("Leiderschapscoaching, meldveiligheid: onbeslist — te weinig eenheden van dit type met een sluitende schatting om samen te nemen: er is er 1 meer nodig (2 nog onbeslist); sluitend zodra", IpimDigest.Compose(digest, Language.Nl).Text, StringComparison.Ordinal);
        Assert.Contains("too few units of this type with a conclusive estimate to pool: 1 more is needed (2 still inconclusive)", IpimDigest.Compose(digest, Language.En).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitNames_AreEncodedInTheHtml()
    {
        var html = IpimDigest.Compose(WithEffects(Improved(), Wide()), Language.En).Html;

        Assert.Contains("Team &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Team <b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectsAreNews_EvenWithoutFlags_AndWithoutThemTheSectionIsAbsent()
    {
        var quiet = new Digest("2027-05", null, [], [], 5);

        Assert.False(quiet.HasNews);
        Assert.True(WithEffects(Improved(), Wide()).HasNews);
        Assert.DoesNotContain("Effecten van eerdere interventies", IpimDigest.Compose(quiet, Language.Nl).Text, StringComparison.Ordinal);
    }

    private static Digest WithEffects(params InterventionEffect[] effects) => new("2027-05", null, [], [], 5)
    {
        Effects = [new DigestEffect(["Org", "Team <b>"], Coaching, 3, effects)],
        Pooled = [new PooledEffect(InterventionTypes.LeadershipCoaching, Construct.Pressure, 4, -0.2, -0.35, -0.05, EffectVerdict.Improved)],
    };

    private static InterventionEffect Improved() =>
        new(Coaching, Construct.Pressure, ["2027-03", "2027-04", "2027-05"], 5, -0.3, -0.5, -0.1, EffectVerdict.Improved, InconclusiveReason.None);

    private static InterventionEffect Wide() =>
        new(Coaching, Construct.SpeakUp, ["2027-03", "2027-04", "2027-05"], 5, null, null, null, EffectVerdict.Inconclusive, InconclusiveReason.TooWide) { Missing = new EffectShortfall(MoreWaves: 4) };
}
