using System.Text;
using CsvHelper;
using Parser = CsvHelper.CsvReader;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// Reads the project's CSV contracts with CsvHelper in strict RFC 4180 mode. It never throws on bad data: every
/// problem is collected with the line its record starts on (line breaks inside quoted fields count), so a user can
/// fix a file in one pass. The separator is taken from the header line (',', ';' or a tab, so files saved by Excel
/// with Dutch settings read as they are), and a UTF-8 byte-order mark is allowed. The header must name exactly the
/// expected columns (any order), plus any of the optional ones; every row must have as many fields as the header.
/// </summary>
public static class CsvReader
{
    public const int DefaultMaxFieldLength = 1024;
    private const int MaxProblems = 200;

    /// <summary>
    /// Reads a file's bytes (the caller opens the file; the domain does no I/O) as strict UTF-8; input in another
    /// encoding is one problem that says how to save it as UTF-8.
    /// </summary>
    /// <param name="source">The file's name, as problems name it.</param>
    public static CsvDocument Read(Stream stream, string source, IReadOnlyList<string> columns, int maxFieldLength = DefaultMaxFieldLength, IReadOnlyList<string>? optionalColumns = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var (text, problem) = CsvInput.ReadStream(stream, source);
        return text is null ? new CsvDocument(source, [], [problem!]) : Parse(text, source, columns, maxFieldLength, optionalColumns ?? []);
    }

    /// <summary>
    /// Reads CSV text. Optional columns may appear in the header or not; a row only has them when the header does
    /// (see <see cref="CsvRow.Has"/>). They let a contract accept a richer file, such as the roster's units file.
    /// </summary>
    public static CsvDocument Read(TextReader reader, string source, IReadOnlyList<string> columns, int maxFieldLength = DefaultMaxFieldLength, IReadOnlyList<string>? optionalColumns = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (text, problem) = CsvInput.ReadAll(reader, source);
        return text is null ? new CsvDocument(source, [], [problem!]) : Parse(text, source, columns, maxFieldLength, optionalColumns ?? []);
    }

    /// <summary>Shortens and escapes user text quoted back in an error message.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return "'" + new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray()) + "'";
    }

    private static CsvDocument Parse(string text, string source, IReadOnlyList<string> columns, int maxFieldLength, IReadOnlyList<string> optionalColumns)
    {
        var separator = CsvInput.DetectSeparator(text);
        var problems = new List<CsvProblem>();
        var rows = new List<CsvRow>();
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => Add(problems, new CsvProblem(source, (int)m.LineNumber, Describe(m.Reason))),
        };
        Dictionary<string, int>? index = null;
        var empty = true;
        using (var parser = Parser.FromText(text, options))
        {
            while (problems.Count < MaxProblems && parser.Read())
            {
                empty = false;
                var line = (int)parser.LineNumber;
                var fields = Fields(parser, maxFieldLength, p => Add(problems, new CsvProblem(source, line, p)));
                if (index is null)
                {
                    index = CsvHeader.Read(fields, line, columns, optionalColumns, source, problems);
                    if (index is null)
                    {
                        break;
                    }
                }
                else if (fields.All(string.IsNullOrWhiteSpace))
                {
                    // A blank line, or the ";;;" Excel writes for rows below the data that were ever touched.
                    continue;
                }
                else if (fields.Length != index.Count)
                {
                    var header = string.Join(separator, index.OrderBy(c => c.Value).Select(c => c.Key));
                    Add(problems, new CsvProblem(source, line, $"expected {index.Count} fields ({header}), found {fields.Length}"));
                }
                else
                {
                    rows.Add(new CsvRow(line, index, fields, separator));
                }
            }
        }

        if (empty && problems.Count == 0)
        {
            problems.Add(new CsvProblem(source, 0, $"the file is empty; expected a header line: {string.Join(',', columns)}"));
        }

        if (problems.Count >= MaxProblems)
        {
            problems.Add(new CsvProblem(source, 0, $"stopped after {MaxProblems} problems"));
        }

        return new CsvDocument(source, rows, problems) { Separator = separator };
    }

    /// <summary>
    /// The record's values. A field longer than the limit is reported and cut, without ever becoming a long string;
    /// a NUL is reported and dropped.
    /// </summary>
    private static string[] Fields(Parser parser, int maxFieldLength, Action<string> problem)
    {
        var fields = new string[parser.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var bytes = parser.GetSpan(i);
            if (bytes.Length > maxFieldLength && Encoding.UTF8.GetCharCount(bytes) > maxFieldLength)
            {
                problem($"field {i + 1} is longer than {maxFieldLength} characters");
                var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, maxFieldLength * 4)]);
                fields[i] = head[..Math.Min(head.Length, maxFieldLength)];
                continue;
            }

            fields[i] = parser.GetString(i);
            if (bytes.Contains((byte)0))
            {
                problem("a NUL character in a field");
                fields[i] = fields[i].Replace("\0", "", StringComparison.Ordinal);
            }
        }

        return fields;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field; quote the whole field and double inner quotes",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote; double quotes inside a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is not closed before the end of the file",
        _ => $"malformed quoting ({reason})",
    };

    private static void Add(List<CsvProblem> problems, CsvProblem problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }
}
