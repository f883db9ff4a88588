using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// Why an effect is inconclusive, and what would make it conclusive, in Dutch and English: the one place these are
/// worded for readers. Worded from the reason alone, without figures (the estimator's own English text, with its
/// figures, stays in effects.csv), so a page shows no number that is not a stored figure.
/// </summary>
public static class EffectReasonTexts
{
    /// <summary>The reason a pooled effect is inconclusive (not an <see cref="InconclusiveReason"/>: it is about units, not waves).</summary>
    public const string TooFewUnits = "TooFewUnits";

    public static string Why(string reason, Language language)
    {
        var nl = language == Language.Nl;
        return reason switch
        {
            nameof(InconclusiveReason.NoPostWave) => nl ? "nog geen gepubliceerde meting van de eenheid vanaf de startmeting" : "no published wave of the unit from the start wave on yet",
            nameof(InconclusiveReason.TooFewPreWaves) => nl ? "te weinig gepubliceerde metingen van de eenheid vóór de start" : "too few published waves of the unit before the start",
            nameof(InconclusiveReason.Confounded) => nl ? "een andere interventie in de eenheid of haar lijn begon in dezelfde meting: de effecten zijn niet te scheiden" : "another intervention in the unit or its line started in the same wave: the effects cannot be told apart",
            nameof(InconclusiveReason.TooFewComparisons) => nl ? "te weinig vergelijkbare eenheden zonder interventie over een venster als dit" : "too few comparable units without an intervention over a window like this one",
            nameof(InconclusiveReason.TooWide) => nl ? "het interval is zo breed dat het nog niets zegt (kleine of vaak afgeschermde eenheid)" : "the interval is so wide that it says nothing yet (a small or often suppressed unit)",
            TooFewUnits => nl ? "te weinig eenheden met een sluitende schatting om samen te nemen" : "too few units with a conclusive estimate to pool",
            _ => nl ? "geen schatting" : "no estimate",
        };
    }

    public static string ConclusiveWhen(string reason, Language language)
    {
        var nl = language == Language.Nl;
        return reason switch
        {
            nameof(InconclusiveReason.NoPostWave) => nl ? "sluitend te maken zodra de eenheid na de start gepubliceerd is" : "can become conclusive once the unit is published after the start",
            nameof(InconclusiveReason.TooFewPreWaves) => nl ? "niet met deze startmeting; een latere interventie in de eenheid kan wel" : "not with this start wave; a later intervention in the unit can be",
            nameof(InconclusiveReason.Confounded) => nl ? "niet te scheiden; spreid de startmetingen van interventies in één lijn" : "cannot be separated; stagger the start waves of interventions in one line",
            nameof(InconclusiveReason.TooFewComparisons) => nl ? "sluitend zodra genoeg vergelijkbare eenheden zonder interventie een even lang venster hebben" : "conclusive once enough comparable units without an intervention have a window this long",
            nameof(InconclusiveReason.TooWide) => nl ? "sluitend met meer gepubliceerde metingen van de eenheid" : "conclusive with more published waves of the unit",
            TooFewUnits => nl ? "sluitend zodra ten minste twee eenheden van dit type een sluitende schatting hebben" : "conclusive once at least two units of this type have a conclusive estimate",
            _ => "",
        };
    }

    /// <summary>The verdict word (effects.csv: improved, worsened, no-clear-change, inconclusive) for readers.</summary>
    public static string Verdict(string verdict, Language language)
    {
        var nl = language == Language.Nl;
        return verdict switch
        {
            "improved" => nl ? "verbeterd" : "improved",
            "worsened" => nl ? "verslechterd" : "worsened",
            "no-clear-change" => nl ? "geen duidelijke verandering" : "no clear change",
            _ => nl ? "onbeslist" : "inconclusive",
        };
    }
}
