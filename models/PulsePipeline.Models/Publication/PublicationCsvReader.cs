using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// Reads the inputs of the `pulse publish` contract (docs/CLI.md, CSV contracts) and reports every problem in both files
/// with its line, so a file can be fixed in one pass. Inputs are accepted only when there is no problem at all.
/// </summary>
public static class PublicationCsvReader
{
    public static readonly IReadOnlyList<string> UnitColumns = ["unit", "parent"];

    /// <summary>Accepted and ignored, so the roster's units file (unit,parent,name) can be used as it is.</summary>
    public static readonly IReadOnlyList<string> OptionalUnitColumns = ["name"];

    public static readonly IReadOnlyList<string> TallyColumns = ["unit", "n", "pressure_sum", "pressure_sumsq", "speakup_sum", "speakup_sumsq"];

    private static readonly (Construct Construct, string Prefix)[] Constructs = [(Construct.Pressure, "pressure"), (Construct.SpeakUp, "speakup")];

    /// <summary>The tree and each unit's direct tally (units absent from the tallies file have none), or the problems.</summary>
    public static (UnitTree? Tree, IReadOnlyDictionary<string, UnitTally> Tallies, IReadOnlyList<CsvProblem> Problems) Read(CsvDocument units, CsvDocument tallies)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(tallies);
        var problems = new List<CsvProblem>(units.Problems);
        problems.AddRange(tallies.Problems);

        var links = ReadUnits(units, problems);
        var tree = units.IsValid && links.Count == units.Rows.Count ? UnitTree.TryBuild(links, units.Source, problems) : null;
        var known = units.IsValid ? units.Rows.Select(r => r["unit"].Trim()).ToHashSet(StringComparer.Ordinal) : null;
        var direct = ReadTallies(tallies, known, problems);

        // File by file, line by line: the order in which someone fixes them.
        var sorted = problems.Select((p, i) => (p, i)).OrderBy(x => x.p.Source == units.Source ? 0 : 1).ThenBy(x => x.p.Line).ThenBy(x => x.i).Select(x => x.p).ToList();
        return sorted.Count == 0 && tree is not null ? (tree, direct, sorted) : (null, direct, sorted);
    }

    private static List<UnitLink> ReadUnits(CsvDocument units, List<CsvProblem> problems)
    {
        var links = new List<UnitLink>();
        foreach (var row in units.Rows)
        {
            var id = row["unit"].Trim();
            var parent = row["parent"].Trim();
            var ok = CheckId(units.Source, row.Line, "unit", id, problems);
            ok &= parent.Length == 0 || CheckId(units.Source, row.Line, "parent", parent, problems);
            if (ok)
            {
                links.Add(new UnitLink(id, parent.Length == 0 ? null : parent, row.Line));
            }
        }

        return links;
    }

    private static Dictionary<string, UnitTally> ReadTallies(CsvDocument tallies, HashSet<string>? known, List<CsvProblem> problems)
    {
        var result = new Dictionary<string, UnitTally>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in tallies.Rows)
        {
            void Problem(string message) => problems.Add(new CsvProblem(tallies.Source, row.Line, message));

            var id = row["unit"].Trim();
            var ok = CheckId(tallies.Source, row.Line, "unit", id, problems);
            if (ok && !firstLine.TryAdd(id, row.Line))
            {
                Problem($"unit {CsvReader.Printable(id)} appears more than once (first on line {firstLine[id]})");
                ok = false;
            }
            else if (ok && known is not null && !known.Contains(id))
            {
                Problem($"unknown unit {CsvReader.Printable(id)}: it is not in the units file");
                ok = false;
            }

            var n = ReadCount(row, Problem);
            var sums = new Dictionary<Construct, ConstructSums>();
            foreach (var (construct, prefix) in Constructs)
            {
                var sum = ReadNumber(row, prefix + "_sum", Problem);
                var squares = ReadNumber(row, prefix + "_sumsq", Problem);
                if (n is { } count && sum is { } s && squares is { } q)
                {
                    var value = new ConstructSums(s, q);
                    if (value.Problem(count) is { } problem)
                    {
                        Problem($"{prefix}: {problem}");
                        continue;
                    }

                    sums[construct] = value;
                }
            }

            if (ok && n is not null && sums.Count == Constructs.Length)
            {
                result[id] = new UnitTally(n.Value, sums);
            }
        }

        return result;
    }

    private static long? ReadCount(CsvRow row, Action<string> problem)
    {
        var text = row["n"].Trim();
        if (!row.TryNumber("n", out var value))
        {
            problem($"n must be a whole number of respondents, found {CsvReader.Printable(text)}");
            return null;
        }

        if (value < 0)
        {
            problem($"n must not be negative, found {CsvReader.Printable(text)}");
            return null;
        }

        if (value != decimal.Truncate(value))
        {
            problem($"n must be a whole number of respondents, found {CsvReader.Printable(text)}");
            return null;
        }

        if (value > UnitTally.MaxN)
        {
            problem($"n must be at most {UnitTally.MaxN}, found {CsvReader.Printable(text)}");
            return null;
        }

        return (long)value;
    }

    private static decimal? ReadNumber(CsvRow row, string column, Action<string> problem)
    {
        var text = row[column].Trim();
        if (row.TryNumber(column, out var value) && Math.Abs(value) <= UnitTally.MaxN * ConstructSums.MaxScore * ConstructSums.MaxScore)
        {
            return value;
        }

        problem($"{column} must be a number such as {CsvNumbers.Example(row.Separator)}, found {CsvReader.Printable(text)}");
        return null;
    }

    private static bool CheckId(string source, int line, string column, string value, List<CsvProblem> problems)
    {
        if (Identifier.Refusal(column, value) is not { } refusal)
        {
            return true;
        }

        problems.Add(new CsvProblem(source, line, refusal));
        return false;
    }
}
