using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>The digest's plan parts: a closed plan's final effects first, with what randomised buys; a raised unit's plans beside its suggestions.</summary>
public sealed class PlanDigestTests
{
    private static readonly PlanEffect Pressure = new("pl-0123456789ab", InterventionTypes.MoralDeliberation, Construct.Pressure, 20, -0.18, -0.30, -0.05, EffectVerdict.Improved, PlanReason.None) { WindowClosed = true };
    private static readonly PlanEffect SpeakUp = new("pl-0123456789ab", InterventionTypes.MoralDeliberation, Construct.SpeakUp, 0, null, null, null, EffectVerdict.Inconclusive, PlanReason.TooFewMembers) { WindowClosed = true };

    [Fact]
    public void AClosedPlan_IsNews_AndComesBeforeTheObservationalEffects_InBothLanguages()
    {
        var digest = new Digest("2027-05", null, [], [], 5) { Plans = [new DigestPlan("pl-0123456789ab", InterventionTypes.MoralDeliberation, "2027-04", [Pressure, SpeakUp])] };

        var nl = IpimDigest.Compose(digest, Language.Nl).Text;
        var en = IpimDigest.Compose(digest, Language.En).Text;

        Assert.True(digest.HasNews);
        Assert.Contains("Uitrolplannen met loting: eindresultaat", nl, StringComparison.Ordinal);
        Assert.Contains("Plan pl-0123456789ab: Moreel beraad; de laatste groep is gestart in 2027-04", nl, StringComparison.Ordinal);
        Assert.Contains("druk -0,18 (95%-interval -0,30 tot -0,05) over 20 eenheden: verbeterd", nl, StringComparison.Ordinal);
        Assert.Contains("meldveiligheid: onbeslist — te weinig eenheden", nl, StringComparison.Ordinal);
        Assert.Contains(PlanWords.WhyRandomised(Language.Nl), nl, StringComparison.Ordinal);
        Assert.Contains("pressure -0.18 (95% interval -0.30 to -0.05) over 20 units: improved", en, StringComparison.Ordinal);
        Assert.Contains("drawn by lot", en, StringComparison.Ordinal);
    }

    [Fact]
    public void ARaisedUnit_MentionsThePlansItIsIn()
    {
        var flag = new UnitFlag("2027-05", "b", UnitFlagStatus.Scored, 40, true, 0.97, 1.38, 0.31, 0.02, 0.3, [new Reason(ReasonKind.Moved, Construct.Pressure, 1.38, 0.31)]);
        var unit = new DigestUnit("b", ["Ministerie", "Directie Beleid"], flag, [], []) { Plans = [new PlanMention("pl-0123456789ab", InterventionTypes.GoodConversation, "2027-07"), new PlanMention("pl-aaaaaaaaaaaa", InterventionTypes.Other, "")] };
        var digest = new Digest("2027-05", null, [unit], [], 5);

        var nl = IpimDigest.Compose(digest, Language.Nl).Text;
        var en = IpimDigest.Compose(digest, Language.En).Text;

        Assert.Contains("Uitrolplan pl-0123456789ab (Het goede gesprek): de eenheid start volgens de loting in 2027-07.", nl, StringComparison.Ordinal);
        Assert.Contains("Uitrolplan pl-aaaaaaaaaaaa (Anders): de eenheid is geschikt; het plan is nog niet geloot.", nl, StringComparison.Ordinal);
        Assert.Contains("Rollout plan pl-0123456789ab (The good conversation): the unit starts in 2027-07, as drawn.", en, StringComparison.Ordinal);
    }
}
