using System.Globalization;
using CsvHelper;
using Writer = CsvHelper.CsvWriter;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// Writes RFC 4180 CSV (comma-separated, LF line ends) through CsvHelper. Text that a spreadsheet would run as a
/// formula (starting with = + - @, a tab or a CR) is prefixed with an apostrophe by <see cref="Text"/>, so a unit named
/// "=cmd|..." cannot execute when an export is opened; numbers go through <see cref="Number(double?, string)"/>, so a
/// negative change stays a number. Each row reaches the underlying writer as soon as it is written.
/// </summary>
public sealed class CsvWriter(TextWriter writer)
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        ValidateFieldCount = false,
        Injection = CsvInjection.None,
    };

    private readonly Writer csv = Writer.Create(writer, Options, leaveOpen: true);

    public void WriteRow(params IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.EndRecord();
        csv.Flush();
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
}
