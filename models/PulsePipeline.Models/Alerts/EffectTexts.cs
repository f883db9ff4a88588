using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// The effects section's sentences in Dutch and English, worded from the structured fields (verdict, reason, counts),
/// never translated from the estimator's English <see cref="InterventionEffect.ReasonText"/>.
/// </summary>
public sealed class EffectTexts
{
    private static readonly EffectTexts Dutch = new(Language.Nl);
    private static readonly EffectTexts English = new(Language.En);

    private readonly Language language;
    private readonly bool nl;

    private EffectTexts(Language language)
    {
        this.language = language;
        nl = language == Language.Nl;
    }

    public string Heading => nl ? "Effecten van eerdere interventies" : "Effects of earlier interventions";

    public string Intro => nl
        ? "Interventies met nieuws deze meting: een eerste schatting, een ander oordeel dan vorige meting, of de laatste meting die de schatting gebruikt. Een effect is de verandering ten opzichte van wat de eenheid zonder de interventie zou hebben laten zien, geschat uit vergelijkbare eenheden zonder interventie; geen voor/na-vergelijking. Het interval is een marge van 95%."
        : "Interventions with news this wave: a first estimate, a verdict other than last wave's, or the last wave the estimate uses. An effect is the change against what the unit would have shown without the intervention, estimated from comparable units without one; not a before/after comparison. The interval is a 95% margin.";

    public string PooledHeading => nl ? "Gepoold effect per type (over alle eenheden met een conclusieve schatting):" : "Pooled effect per type (over every unit with a conclusive estimate):";

    public static EffectTexts For(Language language) => language == Language.Nl ? Dutch : English;

    public string Title(DigestEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var path = string.Join(" › ", effect.Path);
        var type = TypeName(effect.Intervention.Type);
        var waves = effect.WavesSinceStart;
        return nl
            ? $"{path}: {type}, gestart in {effect.Intervention.StartWave}, {waves} {(waves == 1 ? "meting" : "metingen")} sinds de start"
            : $"{path}: {type}, started in {effect.Intervention.StartWave}, {waves} wave{(waves == 1 ? "" : "s")} since the start";
    }

    public string Line(InterventionEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var name = ReasonTexts.Name(effect.Construct, language);
        if (effect.Estimate is not { } estimate || effect.CiLow is not { } low || effect.CiHigh is not { } high)
        {
            return nl
                ? $"{name}: nog geen conclusie — {Why(effect)}; {When(effect)}"
                : $"{name}: inconclusive — {Why(effect)}; {When(effect)}";
        }

        var used = effect.PostWaves.Count;
        var over = nl ? $"over {used} {(used == 1 ? "meting" : "metingen")}" : $"over {used} wave{(used == 1 ? "" : "s")}";
        return $"{name} {Numbers.WithSign(estimate, language)} ({Interval(low, high)}) {over}: {Verdict(effect.Verdict)}";
    }

    public string Pooled(PooledEffect pooled)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        var head = $"{TypeName(pooled.Type)}, {ReasonTexts.Name(pooled.Construct, language)}";
        if (pooled.Estimate is not { } estimate || pooled.CiLow is not { } low || pooled.CiHigh is not { } high)
        {
            return nl
                ? $"{head}: nog geen gepoold effect — {pooled.Units} {(pooled.Units == 1 ? "eenheid" : "eenheden")} met een conclusieve schatting, minstens 2 nodig ({pooled.Inconclusive} nog zonder conclusie)"
                : $"{head}: no pooled effect yet — {pooled.Units} unit(s) with a conclusive estimate, at least 2 needed ({pooled.Inconclusive} still inconclusive)";
        }

        var units = nl ? $"over {pooled.Units} eenheden" : $"over {pooled.Units} units";
        return $"{head} {Numbers.WithSign(estimate, language)} ({Interval(low, high)}) {units}: {Verdict(pooled.Verdict)}";
    }

    public string Unchanged(int count) => nl
        ? $"Bij {count} andere {(count == 1 ? "interventie" : "interventies")} kwam er een meting bij zonder dat het oordeel veranderde; de werkruimte toont ze."
        : $"{count} other intervention(s) gained a wave without a change of verdict; the workspace shows them.";

    public string Verdict(EffectVerdict verdict) => (nl, verdict) switch
    {
        (true, EffectVerdict.Improved) => "verbeterd",
        (true, EffectVerdict.Worsened) => "verslechterd",
        (true, EffectVerdict.NoClearChange) => "geen duidelijke verandering",
        (true, _) => "nog geen conclusie",
        (false, EffectVerdict.Improved) => "improved",
        (false, EffectVerdict.Worsened) => "worsened",
        (false, EffectVerdict.NoClearChange) => "no clear change",
        _ => "inconclusive",
    };

    /// <summary>Why an effect is inconclusive, from its reason and counts.</summary>
    public string Why(InterventionEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var settings = EffectSettings.Default;
        return (nl, effect.Reason) switch
        {
            (true, InconclusiveReason.NoPostWave) => "nog geen gepubliceerde meting van de eenheid sinds de start",
            (true, InconclusiveReason.TooFewPreWaves) => $"te weinig gepubliceerde metingen vóór de start ({effect.PreWaves}; {settings.MinPreWaves} nodig)",
            (true, InconclusiveReason.Confounded) => "een andere interventie in deze eenheid of haar lijn begon in dezelfde meting, dus de effecten zijn niet uit elkaar te houden",
            (true, InconclusiveReason.TooFewComparisons) => $"te weinig vergelijkbare eenheden zonder interventie over een even lang venster ({effect.ComparisonUnits}; {settings.MinComparisonUnits} nodig)",
            (true, _) => "het 95%-interval is te breed om iets te zeggen: de eenheid is klein of werd vaak afgeschermd",
            (false, InconclusiveReason.NoPostWave) => "no published wave of the unit since the start yet",
            (false, InconclusiveReason.TooFewPreWaves) => $"too few published waves before the start ({effect.PreWaves}; {settings.MinPreWaves} needed)",
            (false, InconclusiveReason.Confounded) => "another intervention in this unit or its line started in the same wave, so the effects cannot be told apart",
            (false, InconclusiveReason.TooFewComparisons) => $"too few comparable units without an intervention over a window this long ({effect.ComparisonUnits}; {settings.MinComparisonUnits} needed)",
            _ => "the 95% interval is too wide to say anything: the unit is small or was often suppressed",
        };
    }

    /// <summary>What would make an inconclusive effect conclusive.</summary>
    public string When(InterventionEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var settings = EffectSettings.Default;
        var left = Math.Max(0, settings.MaxPostWaves - effect.PostWaves.Count);
        return (nl, effect.Reason) switch
        {
            (true, InconclusiveReason.NoPostWave) => "conclusief na nog één gepubliceerde meting van de eenheid",
            (true, InconclusiveReason.TooFewPreWaves) => "kan niet meer conclusief worden: de metingen vóór de start liggen achter ons",
            (true, InconclusiveReason.Confounded) => "kan op zichzelf niet conclusief worden; het gepoolde effect per type gebruikt eenheden waar één interventie liep",
            (true, InconclusiveReason.TooFewComparisons) => $"conclusief zodra minstens {settings.MinComparisonUnits} vergelijkbare eenheden zonder interventie een even lang venster hebben",
            (true, _) => left > 0 ? $"meer gepubliceerde metingen van de eenheid maken het smaller (de schatting gebruikt er nog tot {left})" : "de schatting gebruikt geen latere metingen meer; alleen het gepoolde effect per type kan nog iets zeggen",
            (false, InconclusiveReason.NoPostWave) => "conclusive with one more published wave of the unit",
            (false, InconclusiveReason.TooFewPreWaves) => "cannot become conclusive: the waves before the start are past",
            (false, InconclusiveReason.Confounded) => "cannot become conclusive on its own; the pooled effect per type uses units where one intervention ran alone",
            (false, InconclusiveReason.TooFewComparisons) => $"conclusive once at least {settings.MinComparisonUnits} comparable units without an intervention have a window this long",
            _ => left > 0 ? $"more published waves of the unit narrow it (the estimate uses up to {left} more)" : "the estimate uses no later waves; only the pooled effect per type can still tell",
        };
    }

    private string Interval(double low, double high) => nl
        ? $"95%-interval {Numbers.WithSign(low, language)} tot {Numbers.WithSign(high, language)}"
        : $"95% interval {Numbers.WithSign(low, language)} to {Numbers.WithSign(high, language)}";

    private string TypeName(string type) => InterventionTypes.IsKnown(type) ? InterventionTypes.Get(type).Name(nl) : type;
}
