using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// Every sentence of the IPIM digest in Dutch and English, except the detector's reasons (<see cref="ReasonTexts"/>)
/// and the intervention names (the catalogue's). A new section adds its sentences here, in both languages.
/// </summary>
public sealed class DigestTexts
{
    private static readonly DigestTexts Dutch = new(Language.Nl);
    private static readonly DigestTexts English = new(Language.En);

    private readonly bool nl;

    private DigestTexts(Language language)
    {
        Language = language;
        nl = language == Language.Nl;
    }

    public Language Language { get; }

    /// <summary>The sentences of the effects section, in the same language.</summary>
    public EffectTexts Effects => EffectTexts.For(Language);

    public string NothingRaised => nl
        ? "Geen eenheid laat deze meting een ongunstige verschuiving zien die groter is dan het toeval verklaart."
        : "No unit shows an adverse shift beyond what chance explains this wave.";

    public string NothingNew => nl
        ? "Deze meting geen nieuwe markering, en geen gemarkeerde eenheid die verder verslechterde."
        : "No new flag this wave, and no flagged unit that worsened further.";

    public string WhatMoved => nl ? "Wat veranderde" : "What moved";

    public string Respondents => nl ? "Respondenten deze meting" : "Respondents this wave";

    public static DigestTexts For(Language language) => language == Language.Nl ? Dutch : English;

    public string Organisation(OrganisationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var pressure = $"{ReasonTexts.Name(Construct.Pressure, Language)} {Figure(change.PressureChange, change.PressureUncertainty)}";
        var speakUp = $"{ReasonTexts.Name(Construct.SpeakUp, Language)} {Figure(change.SpeakUpChange, change.SpeakUpUncertainty)}";
        return nl
            ? $"Organisatiebreed: {pressure}, {speakUp} sinds de vorige meting, over {change.Units} eenheden{(change.Adverse ? ", een ongunstige verandering" : "")}. Deze verandering geldt voor de hele organisatie; de veranderingen per eenheid hieronder zijn er al voor gecorrigeerd."
            : $"Organisation-wide: {pressure}, {speakUp} since the previous wave, over {change.Units} units{(change.Adverse ? ", an adverse change" : "")}. This change is shared by the whole organisation; the unit changes below are already corrected for it.";
    }

    public string StillFlagged => nl
        ? "Blijven gemarkeerd zonder te verslechteren sinds ze eerder gemeld werden (hier niet herhaald):"
        : "Still flagged without worsening since they were raised before (not repeated here):";

    /// <summary>How flags are named (new, since, explained): the same words as the workspace.</summary>
    public FindingTexts Findings => FindingTexts.For(Language);

    /// <summary>"; also explains the flag of A › B" for the flagged units above a finding, or nothing.</summary>
    public string Explains(IReadOnlyList<IReadOnlyList<string>> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Count == 0 ? "" : "; " + string.Format(System.Globalization.CultureInfo.InvariantCulture, Findings.ExplainsFormat, string.Join(", ", paths.Select(p => string.Join(" › ", p))));
    }

    public string Closing(int k) => nl
        ? $"Elk cijfer hier is gepubliceerd: het rust op minstens {k} respondenten, en geen individueel antwoord is te zien of af te leiden. Veranderingen zijn t.o.v. de eigen eerdere metingen van de eenheid, met de organisatiebrede verandering eruit; ± is een marge van 95%."
        : $"Every figure here is published: it rests on at least {k} respondents, and no individual answer can be seen or derived. Changes are against the unit's own earlier waves with the organisation-wide change taken out; ± is a 95% margin.";

    public string TrendLabel(Construct construct) => (nl, construct) switch
    {
        (true, Construct.Pressure) => "Verloop druk (hoger is slechter)",
        (true, _) => "Verloop meldveiligheid (hoger is beter)",
        (false, Construct.Pressure) => "Trend (pressure, higher is worse)",
        _ => "Trend (speak-up safety, higher is better)",
    };

    /// <summary>Why a wave of the trend has no point.</summary>
    public string Gap(TrendGap gap, string wave) => (nl, gap) switch
    {
        (true, TrendGap.Suppressed) => $"{wave} afgeschermd",
        (true, TrendGap.NotInOrganisation) => $"bestond in {wave} nog niet",
        (true, _) => $"{wave} niet gepubliceerd",
        (false, TrendGap.Suppressed) => $"{wave} suppressed",
        (false, TrendGap.NotInOrganisation) => $"not in the organisation in {wave}",
        _ => $"{wave} not published",
    };

    /// <summary>What the published points show; <paramref name="waves"/> are the waves of those points, oldest first.</summary>
    public string Trend(TrendReading reading, IReadOnlyList<string> waves, Construct construct)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(waves);
        var at = waves[Math.Clamp(reading.At, 0, waves.Count - 1)];
        return (reading.Shape, nl) switch
        {
            (TrendShape.NoClearChange, true) => "geen duidelijke verandering",
            (TrendShape.NoClearChange, false) => "no clear change",
            (TrendShape.JumpInLastWave, true) => $"een sprong {(reading.Up ? "omhoog" : "omlaag")} in de laatste meting ({at})",
            (TrendShape.JumpInLastWave, false) => $"a jump {(reading.Up ? "up" : "down")} in the last wave ({at})",
            (TrendShape.Steady, true) => $"een gestage {(reading.Up ? "stijging" : "daling")} over {reading.Points} metingen",
            (TrendShape.Steady, false) => $"a steady {(reading.Up ? "rise" : "fall")} over {reading.Points} waves",
            (TrendShape.StepEarlier, true) => $"{(reading.Up ? "gestegen" : "gedaald")} in {at} en sindsdien op dat niveau",
            (TrendShape.StepEarlier, false) => $"{(reading.Up ? "rose" : "fell")} in {at} and stayed there",
            (TrendShape.BackToEarlierLevel, true) => $"na een {(reading.Up ? "stijging" : "daling")} in {at} terug op het eerdere niveau",
            (TrendShape.BackToEarlierLevel, false) => $"back to its earlier level after a {(reading.Up ? "rise" : "fall")} in {at}",
            (TrendShape.UpAndDown, true) => "op en neer zonder duidelijke richting",
            (TrendShape.UpAndDown, false) => "up and down without a clear direction",
            _ => "",
        };
    }

    public string Suggested(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var type = suggestion.Type;
        return nl
            ? $"Suggestie: {type.NameNl}. {type.PurposeNl} Waarom: {Why(suggestion.Because)}."
            : $"Suggested: {type.NameEn}. {type.PurposeEn} Why: {Why(suggestion.Because)}.";
    }

    private string Why(SuggestionReason because) => (nl, because) switch
    {
        (true, SuggestionReason.LeadershipPressure) => "de druk komt vooral van de top van de organisatie (stelling p6)",
        (true, SuggestionReason.ManagerPressure) => "de druk komt vooral van de directe leidinggevende (stelling p5)",
        (true, SuggestionReason.PressureSourceUnclear) => "de druk steeg zonder dat één bron eruit springt",
        (true, SuggestionReason.SpeakUpFell) => "de meldveiligheid daalde",
        (true, _) => "minder medewerkers weten waar ze een vermoeden kunnen melden (stelling s4)",
        (false, SuggestionReason.LeadershipPressure) => "the pressure comes mostly from senior leadership (item p6)",
        (false, SuggestionReason.ManagerPressure) => "the pressure comes mostly from the direct manager (item p5)",
        (false, SuggestionReason.PressureSourceUnclear) => "pressure rose without one source standing out",
        (false, SuggestionReason.SpeakUpFell) => "speak-up safety fell",
        _ => "fewer staff know where to report a suspicion (item s4)",
    };

    private string Figure(double? change, double? margin) =>
        change is { } c ? $"{Numbers.WithSign(c, Language)} ({ReasonTexts.Margin(margin ?? 0, Language)})" : nl ? "onbekend" : "unknown";
}
