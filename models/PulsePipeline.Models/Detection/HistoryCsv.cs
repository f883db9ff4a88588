using System.Globalization;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// Reads the published history of the `pulse detect` contract. Every problem is reported with its line, and rows are
/// returned only when there are none, so a detector never runs on half a history.
/// </summary>
public static class HistoryCsv
{
    public static readonly IReadOnlyList<string> Columns = ["wave", "unit", "n", "invited", "pressure_mean", "pressure_sd", "speakup_mean", "speakup_sd"];

    /// <summary>The largest sample SD of 1–5 scores with at least 3 respondents (1, 1, 5) is about 2.31; a little room above it.</summary>
    public const double MaxSd = 2.5;

    private static readonly string[] FigureColumns = ["pressure_mean", "pressure_sd", "speakup_mean", "speakup_sd"];

    public static (IReadOnlyList<HistoryRow> Rows, IReadOnlyList<CsvProblem> Problems) Read(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<CsvProblem>(document.Problems);
        var rows = new List<HistoryRow>();
        var firstLine = new Dictionary<(string, string), int>();
        foreach (var row in document.Rows)
        {
            var p = new RowProblems(document.Source, row.Line, problems);
            var wave = row["wave"].Trim();
            var unit = row["unit"].Trim();
            if (!WaveIds.IsValid(wave))
            {
                p.Add($"wave {CsvReader.Printable(wave)} must be 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }

            if (Identifier.Refusal("unit", unit) is { } refusal)
            {
                p.Add(refusal);
            }

            var n = Count(row, "n", p);
            var invited = Count(row, "invited", p);
            var pMean = Number(row, "pressure_mean", 1, 5, p);
            var pSd = Number(row, "pressure_sd", 0, MaxSd, p);
            var sMean = Number(row, "speakup_mean", 1, 5, p);
            var sSd = Number(row, "speakup_sd", 0, MaxSd, p);
            var figures = FigureColumns.Count(c => row[c].Trim().Length > 0);
            if (figures is > 0 and < 4)
            {
                p.Add("pressure_mean, pressure_sd, speakup_mean and speakup_sd must all be given, or all be empty for a suppressed unit");
            }

            if (figures == 4 && row["n"].Trim().Length == 0)
            {
                p.Add("n is required where figures are published");
            }
            else if (figures == 4 && n == 0)
            {
                p.Add("n must be at least 1 where figures are published");
            }

            if (n is { } nv && invited is { } iv && iv < nv)
            {
                p.Add($"invited ({iv}) is less than n ({nv})");
            }

            if (p.Ok && !firstLine.TryAdd((wave, unit), row.Line))
            {
                p.Add($"wave {CsvReader.Printable(wave)} unit {CsvReader.Printable(unit)} appears more than once (first on line {firstLine[(wave, unit)]})");
            }

            if (p.Ok)
            {
                rows.Add(new HistoryRow(wave, unit, n, invited, pMean, pSd, sMean, sSd));
            }
        }

        return problems.Count == 0 ? (rows, problems) : ([], problems.OrderBy(p => p.Line).ToList());
    }

    private static int? Count(CsvRow row, string column, RowProblems p)
    {
        var text = row[column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value > int.MaxValue)
        {
            p.Add($"{column} {CsvReader.Printable(text)} is not a whole number");
            return null;
        }

        if (value < 0)
        {
            p.Add($"{column} must not be negative (found {value})");
            return null;
        }

        return (int)value;
    }

    private static double? Number(CsvRow row, string column, double min, double max, RowProblems p)
    {
        var text = row[column].Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!row.TryNumber(column, out var exact))
        {
            p.Add($"{column} {CsvReader.Printable(text)} is not a number (write it as {CsvNumbers.Example(row.Separator)})");
            return null;
        }

        var value = (double)exact;

        if (value < min || value > max)
        {
            p.Add(string.Create(CultureInfo.InvariantCulture, $"{column} {value} is outside {min}–{max}"));
            return null;
        }

        return value;
    }

    /// <summary>Collects one row's problems and remembers whether there were any.</summary>
    private sealed class RowProblems(string source, int line, List<CsvProblem> problems)
    {
        public bool Ok { get; private set; } = true;

        public void Add(string message)
        {
            Ok = false;
            problems.Add(new CsvProblem(source, line, message));
        }
    }
}
