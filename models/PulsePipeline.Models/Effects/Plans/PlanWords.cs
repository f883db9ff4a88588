using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects.Plans;

/// <summary>
/// How a plan's effect is worded, in Dutch and English, in one place: for the CLI, the digest, the workspace and the
/// report. The verdict and interval words are the observational estimator's (<see cref="EffectReasonTexts"/>).
/// </summary>
public static class PlanWords
{
    /// <summary>What "randomised" buys, in one plain sentence.</summary>
    public static string WhyRandomised(Language language) => language == Language.Nl
        ? "Welke eenheden eerst begonnen is door loting bepaald, dus de eenheden die nog wachtten verschillen alleen door toeval van de eenheden die al begonnen: het verschil is het effect, zonder model van wat de eenheden anders hadden gedaan."
        : "Which units started first was drawn by lot, so the units still waiting differ from those already started only by chance: the difference is the effect, with no model of what the units would have done otherwise.";

    /// <summary>Why withdrawals stay in the estimate (intention to treat).</summary>
    public static string IntentionToTreat(Language language) => language == Language.Nl
        ? "Een teruggetrokken eenheid telt mee in de groep waarin ze is geloot: terugtrekken verdunt het effect, maar vertekent het nooit."
        : "A withdrawn unit counts in the cohort it was drawn into: withdrawal dilutes the effect, it never biases it.";

    /// <summary>"pressure −0.18 (95% interval −0.30 to −0.05) over 20 units: improved", or why it is inconclusive.</summary>
    public static string Line(PlanEffect effect, Language language)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var name = ReasonTexts.Name(effect.Construct, language);
        if (effect.Estimate is not { } estimate || effect.CiLow is not { } low || effect.CiHigh is not { } high)
        {
            return $"{name}: {EffectReasonTexts.Verdict(EffectVerdict.Inconclusive, language)} — {Why(effect.Reason, language)}";
        }

        var units = language == Language.Nl ? $"over {effect.Members} {(effect.Members == 1 ? "eenheid" : "eenheden")}" : $"over {effect.Members} unit{(effect.Members == 1 ? "" : "s")}";
        var line = $"{name} {Numbers.WithSign(estimate, language)} ({EffectReasonTexts.Interval(low, high, language)}) {units}: {EffectReasonTexts.Verdict(effect.Verdict, language)}";
        return effect.Verdict == EffectVerdict.NoClearChange ? $"{line}; {EffectReasonTexts.RulesOut(effect.Construct, low, high, language)}" : line;
    }

    public static string DigestHeading(Language language) => language == Language.Nl ? "Uitrolplannen met loting: eindresultaat" : "Randomised rollout plans: final result";

    /// <summary>"Plan pl-…: moral deliberation, final: the last cohort started in 2027-05-01".</summary>
    public static string DigestTitle(Alerts.DigestPlan plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = TypeName(plan.Type, language);
        return language == Language.Nl
            ? $"Plan {plan.Plan}: {type}; de laatste groep is gestart in {plan.LastStartWave}, dus het venster is gesloten en dit is de definitieve schatting."
            : $"Plan {plan.Plan}: {type}; the last cohort started in {plan.LastStartWave}, so the window has closed and this is the final estimate.";
    }

    /// <summary>A raised unit's rollout plan, beside the suggestions: eligible (not drawn yet) or starting in its drawn wave.</summary>
    public static string Mention(Alerts.PlanMention plan, Language language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var type = TypeName(plan.Type, language);
        return (language == Language.Nl, plan.StartWave.Length > 0) switch
        {
            (true, true) => $"Uitrolplan {plan.Plan} ({type}): de eenheid start volgens de loting in {plan.StartWave}.",
            (true, false) => $"Uitrolplan {plan.Plan} ({type}): de eenheid is geschikt; het plan is nog niet geloot.",
            (false, true) => $"Rollout plan {plan.Plan} ({type}): the unit starts in {plan.StartWave}, as drawn.",
            _ => $"Rollout plan {plan.Plan} ({type}): the unit is eligible; the plan is not drawn yet.",
        };
    }

    public static string Why(PlanReason reason, Language language)
    {
        var nl = language == Language.Nl;
        return reason switch
        {
            PlanReason.TooFewCohorts => nl ? "alle eenheden starten in dezelfde meting, dus er is niemand om mee te vergelijken" : "every unit starts in the same wave, so nobody is left to compare with",
            PlanReason.NoWindowWave => nl ? "nog geen gepubliceerde meting waarin sommige eenheden begonnen zijn en andere nog niet" : "no published wave yet in which some units had started and others not",
            PlanReason.TooFewMembers => nl ? "te weinig eenheden met eerdere gepubliceerde metingen om het effect met de loting te begrenzen" : "too few units with earlier published waves for the lot to bound the effect",
            _ => nl ? "geen schatting" : "no estimate",
        };
    }

    private static string TypeName(string type, Language language) =>
        Interventions.InterventionTypes.IsKnown(type) ? (language == Language.Nl ? Interventions.InterventionTypes.Get(type).NameNl : Interventions.InterventionTypes.Get(type).NameEn) : type;

    /// <summary>Where the window stands: closed (the estimate is final) or open up to the wave before the last cohort's start.</summary>
    public static string Window(PlanEffect effect, string lastStartWave, Language language)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var nl = language == Language.Nl;
        return effect.WindowClosed
            ? nl ? $"definitief: de laatste groep is gestart in {lastStartWave}" : $"final: the last cohort started in {lastStartWave}"
            : nl ? $"voorlopig: het venster loopt tot de meting vóór {lastStartWave}" : $"provisional: the window runs up to the wave before {lastStartWave}";
    }
}
