using System.Globalization;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// Writes RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with = + - @ or a tab) is
/// prefixed with an apostrophe, so a unit named "=cmd|..." cannot execute when an export is opened.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    public void WriteRow(params IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write('\n');
    }

    /// <summary>
    /// Free text from users or the roster: neutralised against formula injection. Text that already starts with
    /// apostrophes before such a character gets one more, so <see cref="FromText"/> can always undo exactly this.
    /// </summary>
    public static string Text(string value) => StartsLikeFormula(value.TrimStart('\'')) ? "'" + value : value;

    /// <summary>The inverse of <see cref="Text"/>, for importing what an export wrote: the added apostrophe is removed.</summary>
    public static string FromText(string value) =>
        value.Length > 1 && value[0] == '\'' && StartsLikeFormula(value.TrimStart('\'')) ? value[1..] : value;

    public static string Number(double? value, string format = "0.####") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static bool StartsLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
