using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The one place an effect is worded for readers, in Dutch and English: the verdict, why an effect is inconclusive and
/// what would make it conclusive, and an effect's line. The IPIM digest, the workspace and <c>pulse effects</c> all word
/// from here, from the structured fields (verdict, reason, <see cref="EffectShortfall"/>), never from stored sentences.
/// A reason's count is kept apart in its <see cref="EffectPhrase"/> so a page can show it as a stored figure.
/// </summary>
public static class EffectReasonTexts
{
    public static string Verdict(EffectVerdict verdict, Language language) => (language == Language.Nl, verdict) switch
    {
        (true, EffectVerdict.Improved) => "verbeterd",
        (true, EffectVerdict.Worsened) => "verslechterd",
        (true, EffectVerdict.NoClearChange) => "geen duidelijke verandering",
        (true, _) => "onbeslist",
        (false, EffectVerdict.Improved) => "improved",
        (false, EffectVerdict.Worsened) => "worsened",
        (false, EffectVerdict.NoClearChange) => "no clear change",
        _ => "inconclusive",
    };

    /// <summary>The verdict from its contract word (as stored: improved, worsened, no-clear-change, inconclusive).</summary>
    public static string Verdict(string verdict, Language language) => Verdict(EffectWords.VerdictOf(verdict), language);

    public static EffectPhrase Why(InconclusiveReason reason, EffectShortfall missing, Language language)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var nl = language == Language.Nl;
        var phrase = reason switch
        {
            InconclusiveReason.NoPostWave => new EffectPhrase(nl ? "nog geen gepubliceerde meting van de eenheid sinds de start (nog niet gehouden, of afgeschermd)" : "no published wave of the unit since the start yet (not held yet, or suppressed)"),
            InconclusiveReason.TooFewPreWaves => Counted(
                nl ? "te weinig gepubliceerde metingen van de eenheid vóór de start: er waren er " : "too few published waves of the unit before the start: ",
                missing.PreWaves,
                nl ? " meer nodig geweest" : " more would have been needed",
                nameof(EffectShortfall.PreWaves)),
            InconclusiveReason.Confounded => new EffectPhrase(nl
                ? "een andere interventie in de eenheid of haar lijn begon in dezelfde meting, of voordat er sinds deze start een meting gepubliceerd was: de effecten zijn niet te scheiden"
                : "another intervention in the unit or its line started in the same wave, or before any wave since this start was published: the effects cannot be told apart"),
            InconclusiveReason.TooFewComparisons when missing.ComparisonUnits is not > 0 && missing.ComparisonWindows is > 0 => Counted(
                nl ? "te weinig vergelijkingsvensters van eenheden zonder interventie die zo lang zijn als dit: er zijn er " : "too few comparison windows this long of units without an intervention: ",
                missing.ComparisonWindows,
                nl ? " meer nodig" : " more are needed",
                nameof(EffectShortfall.ComparisonWindows)),
            InconclusiveReason.TooFewComparisons => Counted(
                nl ? "te weinig vergelijkbare eenheden zonder interventie over een venster als dit: er zijn er " : "too few comparable units without an intervention over a window like this one: ",
                missing.ComparisonUnits,
                nl ? " meer nodig" : " more are needed",
                nameof(EffectShortfall.ComparisonUnits)),
            InconclusiveReason.TooWide => new EffectPhrase(nl ? "het interval is zo breed dat het nog niets zegt (een kleine of vaak afgeschermde eenheid)" : "the interval is so wide that it says nothing yet (a small or often suppressed unit)"),
            InconclusiveReason.TooFewUnits => Counted(
                nl ? $"te weinig eenheden van dit type met een sluitende schatting om iets over het type in het algemeen te zeggen: er {(missing.Units == 1 ? "is" : "zijn")} er " : "too few units of this type with a conclusive estimate to say anything about the type in general: ",
                missing.Units,
                nl ? " meer nodig" : missing.Units == 1 ? " more is needed" : " more are needed",
                nameof(EffectShortfall.Units)),
            InconclusiveReason.NoPublishedWave => new EffectPhrase(nl
                ? "de eenheid heeft geen gepubliceerde meting: ze staat niet in de historie, of had steeds te weinig respondenten om gepubliceerd te worden"
                : "the unit has no published wave: it is not in the history, or it always had too few respondents to be published"),
            InconclusiveReason.NoComparableChange => new EffectPhrase(nl
                ? "geen vergelijkbare eenheid zonder interventie had een zo grote verandering: wat op zo'n verandering volgt, is alleen te extrapoleren"
                : "no comparable untreated unit had a change this large: what follows such a change could only be extrapolated"),
            _ => new EffectPhrase(nl ? "geen schatting" : "no estimate"),
        };
        return Whole(phrase, language);
    }

    public static EffectPhrase ConclusiveWhen(InconclusiveReason reason, EffectShortfall missing, Language language)
    {
        ArgumentNullException.ThrowIfNull(missing);
        var nl = language == Language.Nl;
        var phrase = reason switch
        {
            InconclusiveReason.TooWide when missing.MoreWaves == 0 => new EffectPhrase(nl
                ? "kan op zichzelf niet sluitend worden: de schatting gebruikt niet genoeg latere metingen; alleen het gepoolde effect per type kan nog iets zeggen"
                : "cannot become conclusive on its own: the estimate would not use enough later waves; only the pooled effect per type can still tell"),
            InconclusiveReason.NoPostWave or InconclusiveReason.TooWide when missing.MoreWaves is { } more => new EffectPhrase(
                reason == InconclusiveReason.TooWide
                    ? nl ? "naar verwachting sluitend na nog " : "expected to be conclusive after "
                    : nl ? "sluitend na nog " : "conclusive after ",
                more,
                nl ? $" gepubliceerde {(more == 1 ? "meting" : "metingen")} van de eenheid" : $" more published wave{(more == 1 ? "" : "s")} of the unit",
                nameof(EffectShortfall.MoreWaves)),
            InconclusiveReason.NoPostWave or InconclusiveReason.TooWide => new EffectPhrase(nl ? "sluitend met meer gepubliceerde metingen van de eenheid" : "conclusive with more published waves of the unit"),
            InconclusiveReason.TooFewPreWaves => new EffectPhrase(nl ? "kan niet meer sluitend worden: de metingen vóór de start liggen achter ons; een latere interventie in de eenheid wel" : "cannot become conclusive: the waves before the start are past; a later intervention in the unit can be"),
            InconclusiveReason.Confounded => new EffectPhrase(nl
                ? "kan op zichzelf niet sluitend worden; het gepoolde effect per type gebruikt eenheden waar één interventie alleen liep (spreid de startmetingen van interventies in één lijn)"
                : "cannot become conclusive on its own; the pooled effect per type uses units where one intervention ran alone (stagger the start waves of interventions in one line)"),
            InconclusiveReason.TooFewComparisons => new EffectPhrase(nl ? "sluitend zodra genoeg vergelijkbare eenheden zonder interventie een even lang venster hebben" : "conclusive once enough comparable units without an intervention have a window this long"),
            InconclusiveReason.TooFewUnits => new EffectPhrase(nl
                ? "sluitend zodra genoeg eenheden van dit type een sluitende schatting hebben om over het type in het algemeen te spreken"
                : "conclusive once enough units of this type have a conclusive estimate to speak of the type in general"),
            InconclusiveReason.NoPublishedWave => new EffectPhrase(nl
                ? "pas sluitend met gepubliceerde metingen van de eenheid vóór en na de start"
                : "conclusive only with published waves of the unit before and after the start"),
            InconclusiveReason.NoComparableChange => Counted(
                nl ? "sluitend zodra eenheden zonder interventie zo'n verandering hebben laten zien: er zijn er nog " : "conclusive once untreated units have shown such a change: ",
                missing.ComparisonWindows,
                nl ? " vergelijkingsvensters meer nodig" : " more comparison windows are needed",
                nameof(EffectShortfall.ComparisonWindows)),
            _ => new EffectPhrase(""),
        };
        return Whole(phrase, language);
    }

    public static EffectPhrase Why(InterventionEffect effect, Language language) => Why(Checked(effect).Reason, effect.Missing, language);

    public static EffectPhrase ConclusiveWhen(InterventionEffect effect, Language language) => ConclusiveWhen(Checked(effect).Reason, effect.Missing, language);

    public static EffectPhrase Why(PooledEffect pooled, Language language)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        return Why(pooled.Reason, pooled.Missing, language);
    }

    public static EffectPhrase ConclusiveWhen(PooledEffect pooled, Language language)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        return ConclusiveWhen(pooled.Reason, pooled.Missing, language);
    }

    /// <summary>
    /// An effect in one line: the estimate with its interval over the post waves used and the verdict (a no-clear-change
    /// with the effects it rules out), or for an inconclusive one why and what would make it conclusive.
    /// </summary>
    public static string Line(InterventionEffect effect, Language language)
    {
        var name = ReasonTexts.Name(Checked(effect).Construct, language);
        var nl = language == Language.Nl;
        if (effect.Estimate is not { } estimate || effect.CiLow is not { } low || effect.CiHigh is not { } high)
        {
            return $"{name}: {Verdict(EffectVerdict.Inconclusive, language)} — {Why(effect, language)}; {ConclusiveWhen(effect, language)}";
        }

        var used = effect.PostWaves.Count;
        var over = nl ? $"over {used} {(used == 1 ? "meting" : "metingen")}" : $"over {used} wave{(used == 1 ? "" : "s")}";
        var line = $"{name} {Numbers.WithSign(estimate, language)} ({Interval(low, high, language)}) {over}: {Verdict(effect.Verdict, language)}";
        return effect.Verdict == EffectVerdict.NoClearChange ? $"{line}; {RulesOut(effect.Construct, low, high, language)}{Detectable(effect, language)}" : line;
    }

    /// <summary>
    /// What a no-clear-change says about power: the improvement an interval like it would likely have shown
    /// (<see cref="InterventionEffect.DetectableImprovement"/>), as "; an improvement of 0.35 points or more would likely
    /// (four times in five) have shown"; empty without one.
    /// </summary>
    public static string Detectable(InterventionEffect effect, Language language)
    {
        if (Checked(effect).DetectableImprovement is not { } size)
        {
            return "";
        }

        var (before, after) = DetectableWords(language);
        return $"; {before}{Numbers.TwoDecimals(size, language)}{after}";
    }

    /// <summary>The words around a detectable improvement, for a page that shows the size as a figure computed from the row.</summary>
    public static (string Before, string After) DetectableWords(Language language) => language == Language.Nl
        ? ("een verbetering van ", " punten of meer was waarschijnlijk (vier op de vijf keer) zichtbaar geweest")
        : ("an improvement of ", " points or more would likely (four times in five) have shown");

    /// <summary>
    /// The words around a size band's power (<see cref="SizeBandPower"/>) for a page that shows the band and the
    /// improvement as labels and the share found and the effects it is taken over as figures: what IPIM can expect from
    /// waiting in a unit of this size.
    /// </summary>
    public static BandPowerWording BandPowerWords(int band, Language language) => language == Language.Nl
        ? new("in eenheden van deze omvang (", BandNl[band], ") wordt een werkelijke verbetering van ", Numbers.TwoDecimals(SizeBandPower.Improvement, language), " punt ongeveer ", " van de keren als verbeterd herkend (over ", " effecten van deze meting)")
        : new("in units of this size (", BandEn[band], ") a true improvement of ", Numbers.TwoDecimals(SizeBandPower.Improvement, language), " points is labelled improved about ", " of the time (over ", " effects as of this wave)");

    private static readonly string[] BandNl = [$"minder dan {SizeBand.Middle} respondenten", $"{SizeBand.Middle} tot {SizeBand.Top} respondenten", $"{SizeBand.Top} respondenten of meer"];

    private static readonly string[] BandEn = [$"fewer than {SizeBand.Middle} respondents", $"{SizeBand.Middle} to {SizeBand.Top - 1} respondents", $"{SizeBand.Top} respondents or more"];

    public static string Interval(double low, double high, Language language) => language == Language.Nl
        ? $"95%-interval {Numbers.WithSign(low, language)} tot {Numbers.WithSign(high, language)}"
        : $"95% interval {Numbers.WithSign(low, language)} to {Numbers.WithSign(high, language)}";

    /// <summary>What a no-clear-change interval still says: the effects it rules out.</summary>
    public static string RulesOut(Construct construct, double low, double high, Language language)
    {
        var (improvement, worsening) = construct == Construct.Pressure ? (-low, high) : (high, -low);
        var (better, worse) = (Numbers.TwoDecimals(Math.Max(0, improvement), language), Numbers.TwoDecimals(Math.Max(0, worsening), language));
        return language == Language.Nl
            ? $"het sluit een verbetering groter dan {better} en een verslechtering groter dan {worse} punten uit"
            : $"it rules out an improvement larger than {better} and a worsening larger than {worse} points";
    }

    /// <summary>A phrase around a count; without the count (a row stored before counts were), the words before its colon.</summary>
    private static EffectPhrase Counted(string before, int? count, string after, string countOf) =>
        count is null ? new EffectPhrase(before[..before.IndexOf(':', StringComparison.Ordinal)]) : new EffectPhrase(before, count, after, countOf);

    private static EffectPhrase Whole(EffectPhrase phrase, Language language) => phrase with { Language = language };

    private static InterventionEffect Checked(InterventionEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return effect;
    }
}
