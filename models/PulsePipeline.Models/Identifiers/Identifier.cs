using PulsePipeline.Models.Csv;

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
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is empty";
        }

        if (id.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters ({id.Length})";
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return $"contains a control character (U+{(int)c:X4}) at position {i + 1}";
            }

            if (char.IsHighSurrogate(c) && (i + 1 >= id.Length || !char.IsLowSurrogate(id[i + 1])))
            {
                return $"contains an invalid character at position {i + 1}";
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(id[i - 1])))
            {
                return $"contains an invalid character at position {i + 1}";
            }
        }

        return char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]) ? "starts or ends with a space" : null;
    }
}
