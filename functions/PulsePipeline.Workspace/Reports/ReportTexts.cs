using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Workspace.Reports;

/// <summary>The ministry report's sentences in Dutch and English; like every workspace text, none holds a figure.</summary>
public sealed record ReportTexts(
    string Title,
    string Nav,
    string Intro,
    string Choose,
    string Ministry,
    string From,
    string To,
    string Make,
    string Problem,
    string Period,
    string Participation,
    string Levels,
    string Changes,
    string ChangesIntro,
    string ChangeBetween,
    string Flags,
    string FlagsIntro,
    string FlagsNone,
    string Interventions,
    string InterventionsNone,
    string EffectsNone,
    string Limits,
    IReadOnlyList<string> LimitsText)
{
    public static ReportTexts For(Language language) => language == Language.Nl ? Nl : En;

    private static readonly ReportTexts Nl = new(
        "Rapportage per ministerie",
        "Rapportage",
        "Voor de rapportage van het ministerie aan de minister: deelname, niveaus en veranderingen van druk en veiligheid om misstanden aan te kaarten, signaleringen, interventies en hun effecten, en wat de cijfers wel en niet laten zien. Afdrukbaar.",
        "Kies ministerie en periode",
        "Ministerie",
        "Van meting",
        "Tot en met meting",
        "Rapportage maken",
        "Kies een ministerie (een eenheid direct onder de top) en twee gepubliceerde metingen, de eerste niet na de laatste.",
        "Periode",
        "Deelname",
        "Niveaus",
        "Veranderingen",
        "De verandering tussen de eerste en de laatste meting van de periode, uit de eigen gepubliceerde cijfers van het ministerie.",
        "Verandering eerste tot laatste meting",
        "Signaleringen",
        "Eenheden binnen het ministerie die de detector in de periode signaleerde, met zijn redenen.",
        "In de periode is geen eenheid binnen het ministerie gesignaleerd.",
        "Interventies en hun effecten",
        "Voor eenheden binnen het ministerie is geen interventie vastgelegd.",
        "Voor deze interventies is bij de laatste meting van de periode nog geen effect geschat.",
        "Wat de cijfers wel en niet laten zien",
        [
            "Cijfers worden alleen gepubliceerd voor groepen met genoeg respondenten (k-anonimiteit); kleinere eenheden zijn afgeschermd en tellen hier niet apart mee. Een afgeschermde meting is geen slechte of goede uitkomst, maar geen uitkomst.",
            "Een signalering betekent dat een eenheid buiten haar eigen ruis veranderde, niet dat er iets misgaat. Eenheden die opvallen, bewegen daarna vaak vanzelf terug naar hun gemiddelde (regressie naar het gemiddelde); een verbetering na een signalering is dus op zichzelf geen bewijs van effect.",
            "Een effect vergelijkt een eenheid met vergelijkbare eenheden zonder interventie. Het interval is een onzekerheidsmarge, geen bewijs: ook een interval zonder nul kan toeval zijn, en een onbeslist effect betekent niet dat de interventie niet werkt.",
            "Interventies worden gekozen op wat IPIM weet en signaleert; eenheden met een interventie verschillen daardoor van eenheden zonder. Wat niet gemeten of niet gemeld is, ontbreekt in deze cijfers.",
        ]);

    private static readonly ReportTexts En = new(
        "Ministry report",
        "Report",
        "For the ministry's report to the minister: participation, levels and changes of pressure and speak-up safety, flags, interventions and their effects, and what the figures can and cannot show. Printable.",
        "Choose ministry and period",
        "Ministry",
        "From wave",
        "To wave",
        "Make the report",
        "Choose a ministry (a unit directly under the top) and two published waves, the first not after the last.",
        "Period",
        "Participation",
        "Levels",
        "Changes",
        "The change between the first and the last wave of the period, from the ministry's own published figures.",
        "Change first to last wave",
        "Flags",
        "Units within the ministry that the detector flagged in the period, with its reasons.",
        "No unit within the ministry was flagged in the period.",
        "Interventions and their effects",
        "No intervention is recorded for units within the ministry.",
        "No effect has been estimated for these interventions as of the last wave of the period.",
        "What the figures can and cannot show",
        [
            "Figures are published only for groups with enough respondents (k-anonymity); smaller units are suppressed and not shown separately. A suppressed wave is neither a bad nor a good result, but no result.",
            "A flag means a unit changed beyond its own noise, not that something is wrong. Units that stand out often move back towards their average by themselves (regression to the mean), so an improvement after a flag is not in itself evidence of an effect.",
            "An effect compares a unit with comparable units without an intervention. Its interval is a margin of uncertainty, not a proof: an interval without zero can still be chance, and an inconclusive effect does not mean the intervention does not work.",
            "Interventions are chosen on what IPIM knows and flags, so units with an intervention differ from units without. What was not measured or not reported is missing from these figures.",
        ]);
}
