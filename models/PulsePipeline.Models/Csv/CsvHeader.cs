namespace PulsePipeline.Models.Csv;

/// <summary>Checks a header line against a contract's columns and maps each column name to its position.</summary>
internal static class CsvHeader
{
    public static Dictionary<string, int>? Read(IReadOnlyList<string> fields, int line, IReadOnlyList<string> columns, IReadOnlyList<string> optionalColumns, string source, List<CsvProblem> problems)
    {
        var names = fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToList();
        var missing = columns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
        var unknown = names.Where(n => !columns.Contains(n, StringComparer.Ordinal) && !optionalColumns.Contains(n, StringComparer.Ordinal)).ToList();
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new CsvProblem(source, line, $"missing column(s): {string.Join(", ", missing)}"));
        }

        if (unknown.Count > 0)
        {
            problems.Add(new CsvProblem(source, line, $"unexpected column(s): {string.Join(", ", unknown.Select(CsvReader.Printable))}"));
        }

        if (repeated.Count > 0)
        {
            problems.Add(new CsvProblem(source, line, $"repeated column(s): {string.Join(", ", repeated.Select(CsvReader.Printable))}"));
        }

        if (missing.Count + unknown.Count + repeated.Count > 0)
        {
            var optional = optionalColumns.Count > 0 ? $" (optional: {string.Join(',', optionalColumns)})" : "";
            problems.Add(new CsvProblem(source, line, $"the header must be: {string.Join(',', columns)}{optional} (separated by ',', ';' or tabs)"));
            return null;
        }

        return names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }
}
