using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Identifiers;

/// <summary>
/// What a unit or employee id may be: ids come from HR systems as they are (org paths with '/', spaces, dots,
/// accents), so any printable Unicode text of 1–128 characters is accepted and written back unchanged. Only
/// control characters (NUL, line breaks, tabs, C1 controls), lone surrogates and leading or trailing spaces are
/// refused. Where a store forbids characters in its keys, the key is an encoding of the id
/// (PulsePipeline.Pipeline.Storage.TableKeys), never a refusal of it. One rule for every interface.
/// </summary>
public static class Identifier
{
    public const int MaxLength = 128;

    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1–128 printable characters (letters, digits, spaces, '/', '.', accents and other punctuation), no control characters and no leading or trailing space";

    /// <inheritdoc cref="Rule"/>
    public const string RuleNl = "1–128 leesbare tekens (letters, cijfers, spaties, '/', '.', accenten en andere leestekens), zonder stuurtekens en zonder spatie aan het begin of eind";

    public static bool IsValid(string? id) => Problem(id) is null;

    /// <summary>
    /// The one wording of a refused id, for every interface that reads ids: "unit 'a?b' contains a control character
    /// (U+0000) at position 2", "employee_id is empty"; null when the id is valid.
    /// </summary>
    /// <param name="what">What the id is, as the input names it: a column such as unit, parent or employee_id.</param>
    public static string? Refusal(string what, string? id) => Problem(id) switch
    {
        null => null,
        var problem when string.IsNullOrEmpty(id) => $"{what} {problem}",
        var problem => $"{what} {CsvReader.Printable(id)} {problem}",
    };

    /// <summary>Why <paramref name="id"/> is not a valid id, or null when it is.</summary>
    public static string? Problem(string? id) => Fault(id) is { } fault ? Words(fault, Language.En) : null;

    /// <summary>Why <paramref name="id"/> is not a valid id, as data, or null when it is.</summary>
    public static TextFault? Fault(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return new(TextFaultKind.Empty);
        }

        if (id.Length > MaxLength)
        {
            return new(TextFaultKind.TooLong, Length: id.Length);
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return new(TextFaultKind.ControlCharacter, Position: i + 1, Code: c);
            }

            if ((char.IsHighSurrogate(c) && (i + 1 >= id.Length || !char.IsLowSurrogate(id[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(id[i - 1]))))
            {
                return new(TextFaultKind.InvalidCharacter, Position: i + 1);
            }
        }

        return char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]) ? new(TextFaultKind.Space) : null;
    }

    /// <summary>The one wording of an id's fault per language; reads on after the id ("'a?b' contains …").</summary>
    public static string Words(TextFault fault, Language language)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var nl = language == Language.Nl;
        return fault.Kind switch
        {
            TextFaultKind.Empty => nl ? "is leeg" : "is empty",
            TextFaultKind.TooLong => nl
                ? $"is langer dan {Numbers.Count(MaxLength, language)} tekens ({Numbers.Count(fault.Length, language)})"
                : $"is longer than {MaxLength} characters ({fault.Length})",
            TextFaultKind.ControlCharacter => nl
                ? $"bevat een stuurteken (U+{fault.Code:X4}) op positie {Numbers.Count(fault.Position, language)}"
                : $"contains a control character (U+{fault.Code:X4}) at position {fault.Position}",
            TextFaultKind.InvalidCharacter => nl
                ? $"bevat een ongeldig teken op positie {Numbers.Count(fault.Position, language)}"
                : $"contains an invalid character at position {fault.Position}",
            _ => nl ? "begint of eindigt met een spatie" : "starts or ends with a space",
        };
    }
}
