using System.Text;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// A strict RFC 4180 reader for the project's CSV contracts. It never throws on bad data: every problem is
/// collected with its line number so that a user can fix a file in one pass. The header must name exactly
/// the expected columns (any order), plus any of the optional ones; every row must have as many fields as the header.
/// </summary>
public static class CsvReader
{
    public const int DefaultMaxFieldLength = 1024;
    private const int MaxProblems = 200;

    /// <summary>Reads a file as strict UTF-8 (a byte-order mark is allowed); invalid bytes are a problem, not garbage.</summary>
    public static CsvDocument ReadFile(string path, IReadOnlyList<string> columns, int maxFieldLength = DefaultMaxFieldLength, IReadOnlyList<string>? optionalColumns = null)
    {
        var source = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new CsvDocument(source, [], [new CsvProblem(source, 0, $"file not found: {path}")]);
        }

        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        return Read(reader, source, columns, maxFieldLength, optionalColumns);
    }

    /// <summary>
    /// Reads CSV text. Optional columns may appear in the header or not; a row only has them when the header does
    /// (see <see cref="CsvRow.Has"/>). They let a contract accept a richer file, such as the roster's units file.
    /// </summary>
    public static CsvDocument Read(TextReader reader, string source, IReadOnlyList<string> columns, int maxFieldLength = DefaultMaxFieldLength, IReadOnlyList<string>? optionalColumns = null)
    {
        optionalColumns ??= [];
        var problems = new List<CsvProblem>();
        var rows = new List<CsvRow>();
        var parser = new CsvRecordParser(reader, maxFieldLength);
        Dictionary<string, int>? index = null;
        try
        {
            while (parser.TryReadRecord(out var record))
            {
                foreach (var message in record.Problems)
                {
                    Add(problems, new CsvProblem(source, record.Line, message));
                }

                if (index is null)
                {
                    index = ReadHeader(record, columns, optionalColumns, source, problems);
                    if (index is null)
                    {
                        break;
                    }

                    continue;
                }

                if (record.Fields.Count == 1 && record.Fields[0].Length == 0 && record.Problems.Count == 0)
                {
                    continue; // a blank line carries no row
                }

                if (record.Fields.Count != index.Count)
                {
                    var header = string.Join(',', index.OrderBy(c => c.Value).Select(c => c.Key));
                    Add(problems, new CsvProblem(source, record.Line, $"expected {index.Count} fields ({header}), found {record.Fields.Count}"));
                    continue;
                }

                rows.Add(new CsvRow(record.Line, index, record.Fields));
            }
        }
        catch (DecoderFallbackException)
        {
            Add(problems, new CsvProblem(source, parser.Line, "the file is not valid UTF-8 text; save it as UTF-8"));
        }

        if (index is null && problems.Count == 0)
        {
            problems.Add(new CsvProblem(source, 0, $"the file is empty; expected a header line: {string.Join(',', columns)}"));
        }

        if (problems.Count >= MaxProblems)
        {
            problems.Add(new CsvProblem(source, 0, $"stopped after {MaxProblems} problems"));
        }

        return new CsvDocument(source, rows, problems);
    }

    private static Dictionary<string, int>? ReadHeader(CsvRecord header, IReadOnlyList<string> columns, IReadOnlyList<string> optionalColumns, string source, List<CsvProblem> problems)
    {
        var names = header.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var missing = columns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
        var unknown = names.Where(n => !columns.Contains(n, StringComparer.Ordinal) && !optionalColumns.Contains(n, StringComparer.Ordinal)).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new CsvProblem(source, header.Line, $"missing column(s): {string.Join(", ", missing)}"));
        }

        if (unknown.Count > 0)
        {
            problems.Add(new CsvProblem(source, header.Line, $"unexpected column(s): {string.Join(", ", unknown.Select(Printable))}"));
        }

        if (repeated.Count > 0)
        {
            problems.Add(new CsvProblem(source, header.Line, $"repeated column(s): {string.Join(", ", repeated.Select(Printable))}"));
        }

        if (missing.Count + unknown.Count + repeated.Count > 0)
        {
            var optional = optionalColumns.Count > 0 ? $" (optional: {string.Join(',', optionalColumns)})" : "";
            problems.Add(new CsvProblem(source, header.Line, $"the header must be: {string.Join(',', columns)}{optional}"));
            return null;
        }

        return names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Shortens and escapes user text quoted back in an error message.</summary>
    public static string Printable(string text)
    {
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return "'" + new string(shown.Select(c => char.IsControl(c) ? '?' : c).ToArray()) + "'";
    }

    private static void Add(List<CsvProblem> problems, CsvProblem problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }
}
