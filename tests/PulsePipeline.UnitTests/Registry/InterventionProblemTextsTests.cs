using System.Text.RegularExpressions;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Registry;

/// <summary>
/// Every problem the rules make, worded in both languages from one place: the English is the message the CLI and the
/// import have always printed (byte for byte), the Dutch carries the same specifics and no English sentence.
/// </summary>
public sealed partial class InterventionProblemTextsTests
{
    private const string Unit = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1";
    private const string UnitRule = "1–128 printable characters (letters, digits, spaces, '/', '.', accents and other punctuation), no control characters and no leading or trailing space";
    private const string Types = "moral-deliberation, dilemma-training, good-conversation, leadership-coaching, reporting-routes, other";
    private const string DutchTypes = "(Moreel beraad, Dilemmatraining, Het goede gesprek, Leiderschapscoaching, Meldroutes bekend maken of Anders)";

    private static readonly InterventionRecord Valid = new("iv-0123456789ab", Unit, InterventionTypes.MoralDeliberation, "2027-03-01", InterventionStatuses.Planned, "Jan Jansen", "");

    /// <summary>
    /// Per case (named for <see cref="Make"/>): the English the rules made before problems had kinds, and what the Dutch
    /// must say. Kept out of the theory's arguments, which cannot carry a lone surrogate.
    /// </summary>
    private static readonly Dictionary<string, (string English, string[] Dutch)> Expected = new()
    {
        ["id with a slash"] = ("'iv/1' is not an intervention id: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit; leave it empty to record a new intervention", ["'iv/1'", "1–64"]),
        ["id taken"] = ("iv-0123456789ab is taken by another intervention; leave the id empty to record a new one", ["iv-0123456789ab", "al in gebruik"]),
        ["empty unit"] = ("is empty: give the unit's id as the roster has it", ["is leeg", "personeelsbestand"]),
        ["unit with a line break"] = ($"'afd?1' contains a control character (U+000A) at position 4; a unit id is {UnitRule}", ["'afd?1'", "U+000A", "positie 4", "1–128"]),
        ["unit of 129 characters"] = ($"'{new string('a', 40)}…' is longer than 128 characters (129); a unit id is {UnitRule}", [$"'{new string('a', 40)}…'", "langer dan 128 tekens (129)"]),
        ["unit with a leading space"] = ($"' afd1' starts or ends with a space; a unit id is {UnitRule}", ["' afd1'", "spatie"]),
        ["unit with a lone surrogate"] = ($"'a\uD800' contains an invalid character at position 2; a unit id is {UnitRule}", ["'a\uD800'", "positie 2"]),
        ["unknown unit"] = ("'geen eenheid' is neither in the current roster nor in a published wave; check the id against the roster", ["'geen eenheid'", "gepubliceerde meting"]),
        ["unit name of several units"] = ("'Team 1' is the name of more than one unit; choose the unit from the list, which gives each its id", ["'Team 1'", "meer dan één eenheid"]),
        ["unit changed"] = ($"cannot change: intervention iv-0123456789ab is recorded for unit '{Unit}'; end it and record a new one for the other unit", ["iv-0123456789ab", $"'{Unit}'"]),
        ["empty type"] = ($"is empty: use one of {Types}", ["is leeg", DutchTypes]),
        ["unknown type"] = ($"'yoga' is not an intervention type: use one of {Types}", ["'yoga'", DutchTypes]),
        ["type changed"] = ("cannot change: intervention iv-0123456789ab is a 'moral-deliberation'; end it and record a new one of the other type", ["iv-0123456789ab", "Moreel beraad"]),
        ["empty start wave"] = ("is empty: give the first wave whose answers may show the intervention (for example 2027-03-01)", ["is leeg", "2027-03-01"]),
        ["start wave with a slash"] = ("'2027/03' is not a wave id: 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit (for example 2027-03-01)", ["'2027/03'", "1–32", "2027-03-01"]),
        ["start wave taken"] = ($"'2027-03-01': unit '{Unit}' already has a moral-deliberation starting in this wave (intervention iv-aaaaaaaaaaaa); update that one, or give another start wave", ["'2027-03-01'", $"'{Unit}'", "Moreel beraad", "interventie iv-aaaaaaaaaaaa"]),
        ["start wave taken by an unknown one"] = ($"'2027-03-01': unit '{Unit}' already has a moral-deliberation starting in this wave (intervention another); update that one, or give another start wave", ["'2027-03-01'", $"'{Unit}'", "Moreel beraad", "een andere interventie"]),
        ["start wave not offered"] = ("'2031-01-01' is not a wave of the schedule: choose a published wave or one that is open or scheduled", ["'2031-01-01'", "schema"]),
        ["empty status"] = ("is empty: use one of planned, running, ended", ["is leeg", "gepland, loopt of beëindigd"]),
        ["unknown status"] = ("'klaar' is not a status: use one of planned, running, ended", ["'klaar'", "gepland, loopt of beëindigd"]),
        ["empty owner"] = ("is empty: name the IPIM user responsible for the intervention", ["is leeg", "IPIM-collega"]),
        ["owner with a tab"] = ($"'Jan?Jansen' contains a control character (U+0009) at position 4; an owner is {UnitRule}", ["'Jan?Jansen'", "U+0009", "positie 4", "1–128"]),
        ["owner is an email address"] = ("is an email address: give the IPIM colleague's name instead (the registry holds no email addresses)", ["e-mailadres", "IPIM-collega"]),
        ["notes over the limit"] = ("are 1,001 characters long; shorten them to at most 1,000", ["1.001 tekens", "ten hoogste 1.000"]),
        ["notes with a tab"] = ("contain a control character (U+0009) at position 2; only line breaks are allowed", ["U+0009", "positie 2", "regeleinden"]),
        ["notes with a tab at position 1000"] = ("contain a control character (U+0009) at position 1000; only line breaks are allowed", ["U+0009", "positie 1.000"]),
        ["notes with a lone surrogate"] = ("contain an invalid character at position 2", ["positie 2"]),
        ["plan id with a slash"] = ("'pl/1' is not a plan id: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit", ["'pl/1'", "1–64"]),
        ["plan changed"] = ("cannot change: only a rollout plan's draw makes an intervention a member (intervention iv-0123456789ab, plan 'pl-aaaaaaaaaaaa')", ["iv-0123456789ab", "'pl-aaaaaaaaaaaa'"]),
        ["plan start wave changed"] = ("cannot change: intervention iv-0123456789ab starts in '2027-03-01' by the draw of rollout plan pl-aaaaaaaaaaaa; withdraw the unit from the plan instead", ["iv-0123456789ab", "'2027-03-01'", "pl-aaaaaaaaaaaa"]),
    };

    public static TheoryData<string> Cases => [.. Expected.Keys];

    private static InterventionProblem Make(string name) => name switch
    {
        "id with a slash" => Only(Valid with { Id = "iv/1" }),
        "id taken" => InterventionRules.IdTaken("iv-0123456789ab"),
        "empty unit" => Only(Valid with { Unit = "" }),
        "unit with a line break" => Only(Valid with { Unit = "afd\n1" }),
        "unit of 129 characters" => Only(Valid with { Unit = new string('a', 129) }),
        "unit with a leading space" => Only(Valid with { Unit = " afd1" }),
        "unit with a lone surrogate" => Only(Valid with { Unit = "a\uD800" }),
        "unknown unit" => InterventionRules.UnknownUnit("geen eenheid"),
        "unit name of several units" => InterventionRules.AmbiguousUnit("Team 1"),
        "unit changed" => Assert.Single(InterventionRules.CheckChange(Valid, Valid with { Unit = "afd2" })),
        "empty type" => Only(Valid with { Type = "" }),
        "unknown type" => Only(Valid with { Type = "yoga" }),
        "type changed" => Assert.Single(InterventionRules.CheckChange(Valid, Valid with { Type = InterventionTypes.Other })),
        "empty start wave" => Only(Valid with { StartWave = "" }),
        "start wave with a slash" => Only(Valid with { StartWave = "2027/03" }),
        "start wave taken" => InterventionRules.Duplicate(Valid, "iv-aaaaaaaaaaaa"),
        "start wave taken by an unknown one" => InterventionRules.Duplicate(Valid, ""),
        "start wave not offered" => InterventionRules.StartWaveNotOffered("2031-01-01"),
        "empty status" => Only(Valid with { Status = "" }),
        "unknown status" => Only(Valid with { Status = "klaar" }),
        "empty owner" => Only(Valid with { Owner = "" }),
        "owner with a tab" => Only(Valid with { Owner = "Jan\tJansen" }),
        "owner is an email address" => Only(Valid with { Owner = "jan.jansen@minbzk.nl" }),
        "notes over the limit" => Only(Valid with { Notes = new string('n', InterventionRules.MaxNotesLength + 1) }),
        "notes with a tab" => Only(Valid with { Notes = "a\tb" }),
        "notes with a tab at position 1000" => Only(Valid with { Notes = new string('n', 999) + "\t" }),
        "plan id with a slash" => Only(Valid with { Plan = "pl/1" }),
        "plan changed" => Assert.Single(InterventionRules.CheckChange(Valid, Valid with { Plan = "pl-aaaaaaaaaaaa" })),
        "plan start wave changed" => Assert.Single(InterventionRules.CheckChange(Valid with { Plan = "pl-aaaaaaaaaaaa" }, Valid with { Plan = "pl-aaaaaaaaaaaa", StartWave = "2027-04-01" })),
        "notes with a lone surrogate" => Only(Valid with { Notes = "a\uD800b" }),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheEnglish_IsTheMessageTheRulesAlwaysMade(string name)
    {
        var problem = Make(name);
        var english = Expected[name].English;

        Assert.Equal(english, problem.Message);
        Assert.Equal(english, InterventionProblemTexts.Words(problem, Language.En));
        Assert.Equal($"{problem.Field} {english}", problem.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheDutch_CarriesTheSpecifics_AndNoEnglishSentence(string name)
    {
        var (english, dutch) = Expected[name];
        var words = InterventionProblemTexts.Words(Make(name), Language.Nl);

        Assert.All(dutch, specific => Assert.Contains(specific, words, StringComparison.Ordinal));
        Assert.NotEqual(english, words);
        Assert.DoesNotMatch(English(), Quoted().Replace(words, "''"));
        Assert.Matches(English(), Quoted().Replace(english, "''"));
    }

    [Fact]
    public void EveryKind_IsCovered_AndWordedInBothLanguages()
    {
        var problems = Expected.Keys.Select(Make).ToList();

        Assert.Equal(Enum.GetValues<InterventionProblemKind>().ToHashSet(), problems.Select(p => p.Kind).ToHashSet());
        Assert.All(problems, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(InterventionProblemTexts.Words(p, Language.Nl)));
            Assert.False(string.IsNullOrWhiteSpace(InterventionProblemTexts.Words(p, Language.En)));
        });
    }

    private static InterventionProblem Only(InterventionRecord candidate) => Assert.Single(InterventionRules.Check(candidate));

    /// <summary>English words the Dutch wordings never need (what was typed is quoted, and left out before matching).</summary>
    [GeneratedRegex(@"\b(the|an?|is not|empty|use|give|name|cannot|change|already|characters?|contains?|position|record(ed)?|roster|waves?|unit|intervention|only|starting|shorten|printable|another|other|leave|letters or|digits?|and|or|with|moral-deliberation|planned|running|ended)\b", RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex Quoted();
}
