using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// The effects section's own sentences in Dutch and English (heading, intro, an intervention's title, the pooled lines);
/// verdicts, reasons and an effect's line come from <see cref="EffectReasonTexts"/>, as the workspace's do.
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

    /// <summary>An effect's line in the reader's language (<see cref="EffectReasonTexts.Line"/>, as the workspace and <c>pulse effects</c> word it).</summary>
    public string Line(InterventionEffect effect) => EffectReasonTexts.Line(effect, language);

    public string Pooled(PooledEffect pooled)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        var head = $"{TypeName(pooled.Type)}, {ReasonTexts.Name(pooled.Construct, language)}";
        if (pooled.Estimate is not { } estimate || pooled.CiLow is not { } low || pooled.CiHigh is not { } high)
        {
            var inconclusive = nl ? $"{pooled.Inconclusive} nog onbeslist" : $"{pooled.Inconclusive} still inconclusive";
            return $"{head}: {EffectReasonTexts.Verdict(pooled.Verdict, language)} — {EffectReasonTexts.Why(pooled, language)} ({inconclusive}); {EffectReasonTexts.ConclusiveWhen(pooled, language)}";
        }

        var units = nl ? $"over {pooled.Units} eenheden" : $"over {pooled.Units} units";
        return $"{head} {Numbers.WithSign(estimate, language)} ({EffectReasonTexts.Interval(low, high, language)}) {units}: {EffectReasonTexts.Verdict(pooled.Verdict, language)}";
    }

    public string Unchanged(int count) => nl
        ? $"Bij {count} andere {(count == 1 ? "interventie" : "interventies")} kwam er een meting bij zonder dat het oordeel veranderde; de werkruimte toont ze."
        : $"{count} other intervention(s) gained a wave without a change of verdict; the workspace shows them.";

    private string TypeName(string type) => InterventionTypes.IsKnown(type) ? InterventionTypes.Get(type).Name(nl) : type;
}
