using System.Globalization;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// The one place an intervention's problem is worded, in Dutch and English, from its kind and values. English is the
/// <see cref="InterventionProblem.Message"/> the CLI and the import print; the workspace words in the page's language.
/// Both read on after the field's name and say what to fix. What was typed is quoted with
/// <see cref="CsvReader.Printable"/> (control characters shown as '?'); pages show the wording as text.
/// </summary>
public static class InterventionProblemTexts
{
    public static string Words(InterventionProblem problem, Language language)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return language == Language.Nl ? Dutch(problem) : English(problem);
    }

    private static string English(InterventionProblem p) => p.Kind switch
    {
        InterventionProblemKind.IdInvalid => $"{Quoted(p.Value)} is not an intervention id: {InterventionIds.Rule}; leave it empty to record a new intervention",
        InterventionProblemKind.IdTaken => $"{p.Value} is taken by another intervention; leave the id empty to record a new one",
        InterventionProblemKind.UnitEmpty => "is empty: give the unit's id as the roster has it",
        InterventionProblemKind.UnitInvalid => $"{Quoted(p.Value)} {Fault(p, Language.En)}; a unit id is {Identifier.Rule}",
        InterventionProblemKind.UnitUnknown => $"{Quoted(p.Value)} is neither in the current roster nor in a published wave; check the id against the roster",
        InterventionProblemKind.UnitAmbiguous => $"{Quoted(p.Value)} is the name of more than one unit; choose the unit from the list, which gives each its id",
        InterventionProblemKind.UnitChanged => $"cannot change: intervention {p.Intervention} is recorded for unit {Quoted(p.Unit)}; end it and record a new one for the other unit",
        InterventionProblemKind.TypeEmpty => $"is empty: use one of {InterventionTypes.IdList}",
        InterventionProblemKind.TypeUnknown => $"{Quoted(p.Value)} is not an intervention type: use one of {InterventionTypes.IdList}",
        InterventionProblemKind.TypeChanged => $"cannot change: intervention {p.Intervention} is a {Quoted(p.Type)}; end it and record a new one of the other type",
        InterventionProblemKind.StartWaveEmpty => "is empty: give the first wave whose answers may show the intervention (for example 2027-03-01)",
        InterventionProblemKind.StartWaveInvalid => $"{Quoted(p.Value)} is not a wave id: {WaveIds.Rule}",
        InterventionProblemKind.PlanInvalid => $"{Quoted(p.Value)} is not a plan id: {InterventionIds.Rule}",
        InterventionProblemKind.PlanChanged => $"cannot change: only a rollout plan's draw makes an intervention a member (intervention {p.Intervention}, plan {Quoted(p.Plan)})",
        InterventionProblemKind.PlanStartWaveChanged => $"cannot change: intervention {p.Intervention} starts in {Quoted(p.Value)} by the draw of rollout plan {p.Plan}; withdraw the unit from the plan instead",
        InterventionProblemKind.StartWaveTaken => $"{Quoted(p.Value)}: unit {Quoted(p.Unit)} already has a {p.Type} starting in this wave (intervention {(p.Intervention.Length == 0 ? "another" : p.Intervention)}); update that one, or give another start wave",
        InterventionProblemKind.StartWaveNotOffered => $"{Quoted(p.Value)} is not a wave of the schedule: choose a published wave or one that is open or scheduled",
        InterventionProblemKind.StatusEmpty => $"is empty: use one of {InterventionStatuses.IdList}",
        InterventionProblemKind.StatusUnknown => $"{Quoted(p.Value)} is not a status: use one of {InterventionStatuses.IdList}",
        InterventionProblemKind.OwnerEmpty => "is empty: name the IPIM user responsible for the intervention",
        InterventionProblemKind.OwnerInvalid => $"{Quoted(p.Value)} {Fault(p, Language.En)}; an owner is {Identifier.Rule}",
        InterventionProblemKind.OwnerEmail => "is an email address: give the IPIM colleague's name instead (the registry holds no email addresses)",
        _ => Notes(p.Fault, Language.En),
    };

    private static string Dutch(InterventionProblem p) => p.Kind switch
    {
        InterventionProblemKind.IdInvalid => $"{Quoted(p.Value)} is geen interventie-id: {InterventionIds.RuleNl}; laat het leeg om een nieuwe interventie vast te leggen",
        InterventionProblemKind.IdTaken => $"{p.Value} is al in gebruik bij een andere interventie; laat het id leeg om een nieuwe vast te leggen",
        InterventionProblemKind.UnitEmpty => "is leeg: geef het id van de eenheid zoals het in het personeelsbestand staat",
        InterventionProblemKind.UnitInvalid => $"{Quoted(p.Value)} {Fault(p, Language.Nl)}; het id van een eenheid bestaat uit {Identifier.RuleNl}",
        InterventionProblemKind.UnitUnknown => $"{Quoted(p.Value)} staat niet in het huidige personeelsbestand en ook niet in een gepubliceerde meting; vergelijk het id met het personeelsbestand",
        InterventionProblemKind.UnitAmbiguous => $"{Quoted(p.Value)} is de naam van meer dan één eenheid; kies de eenheid uit de lijst, die bij elke eenheid het id geeft",
        InterventionProblemKind.UnitChanged => $"kan niet meer wijzigen: interventie {p.Intervention} is vastgelegd voor eenheid {Quoted(p.Unit)}; beëindig haar en leg een nieuwe vast voor de andere eenheid",
        InterventionProblemKind.TypeEmpty => $"is leeg: kies een soort uit de catalogus ({TypeNamesNl()})",
        InterventionProblemKind.TypeUnknown => $"{Quoted(p.Value)} is geen soort interventie: kies een soort uit de catalogus ({TypeNamesNl()})",
        InterventionProblemKind.TypeChanged => $"kan niet meer wijzigen: interventie {p.Intervention} is van de soort {TypeNameNl(p.Type)}; beëindig haar en leg een nieuwe van de andere soort vast",
        InterventionProblemKind.StartWaveEmpty => "is leeg: geef de eerste meting waarvan de antwoorden de interventie kunnen laten zien (bijvoorbeeld 2027-03-01)",
        InterventionProblemKind.StartWaveInvalid => $"{Quoted(p.Value)} is geen meting-id: {WaveIds.RuleNl}",
        InterventionProblemKind.PlanInvalid => $"{Quoted(p.Value)} is geen plan-id: {InterventionIds.RuleNl}",
        InterventionProblemKind.PlanChanged => $"kan niet meer wijzigen: alleen de loting van een uitrolplan maakt een interventie deelnemer (interventie {p.Intervention}, plan {Quoted(p.Plan)})",
        InterventionProblemKind.PlanStartWaveChanged => $"kan niet meer wijzigen: interventie {p.Intervention} start in {Quoted(p.Value)} volgens de loting van uitrolplan {p.Plan}; trek de eenheid liever terug uit het plan",
        InterventionProblemKind.StartWaveTaken => $"{Quoted(p.Value)}: eenheid {Quoted(p.Unit)} heeft al een interventie van de soort {TypeNameNl(p.Type)} die in deze meting start ({(p.Intervention.Length == 0 ? "een andere interventie" : "interventie " + p.Intervention)}); wijzig die, of geef een andere startmeting",
        InterventionProblemKind.StartWaveNotOffered => $"{Quoted(p.Value)} is geen meting van het schema: kies een gepubliceerde meting, of een die open staat of gepland is",
        InterventionProblemKind.StatusEmpty => $"is leeg: kies {StatusNamesNl()}",
        InterventionProblemKind.StatusUnknown => $"{Quoted(p.Value)} is geen status: kies {StatusNamesNl()}",
        InterventionProblemKind.OwnerEmpty => "is leeg: geef de naam van de verantwoordelijke IPIM-collega",
        InterventionProblemKind.OwnerInvalid => $"{Quoted(p.Value)} {Fault(p, Language.Nl)}; de naam van een eigenaar bestaat uit {Identifier.RuleNl}",
        InterventionProblemKind.OwnerEmail => "is een e-mailadres: geef in plaats daarvan de naam van de IPIM-collega (het register bevat geen e-mailadressen)",
        _ => Notes(p.Fault, Language.Nl),
    };

    /// <summary>Why the notes are refused; reads on after "notes" (plural in both languages).</summary>
    private static string Notes(TextFault? fault, Language language)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var nl = language == Language.Nl;
        return fault.Kind switch
        {
            TextFaultKind.TooLong => nl
                ? $"zijn {Numbers.Count(fault.Length, language)} tekens lang; kort ze in tot ten hoogste {Numbers.Count(InterventionRules.MaxNotesLength, language)}"
                : string.Create(CultureInfo.InvariantCulture, $"are {fault.Length:N0} characters long; shorten them to at most {InterventionRules.MaxNotesLength:N0}"),
            TextFaultKind.ControlCharacter => nl
                ? $"bevatten een stuurteken (U+{fault.Code:X4}) op positie {Numbers.Count(fault.Position, language)}; alleen regeleinden mogen"
                : $"contain a control character (U+{fault.Code:X4}) at position {fault.Position}; only line breaks are allowed",
            _ => nl
                ? $"bevatten een ongeldig teken op positie {Numbers.Count(fault.Position, language)}"
                : $"contain an invalid character at position {fault.Position}",
        };
    }

    private static string Fault(InterventionProblem p, Language language) =>
        Identifier.Words(p.Fault ?? throw new ArgumentException($"a {p.Kind} problem names its fault", nameof(p)), language);

    private static string Quoted(string value) => CsvReader.Printable(value);

    private static string TypeNameNl(string type) => InterventionTypes.IsKnown(type) ? InterventionTypes.Get(type).NameNl : Quoted(type);

    private static string TypeNamesNl() => OneOfNl(InterventionTypes.All.Select(t => t.NameNl).ToArray());

    private static string StatusNamesNl() => OneOfNl(InterventionStatuses.All.Select(s => InterventionStatuses.Name(s, dutch: true).ToLowerInvariant()).ToArray());

    /// <summary>"a, b of c".</summary>
    private static string OneOfNl(string[] names) => names.Length < 2 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} of {names[^1]}";
}
