using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Roster;

/// <summary>
/// Validates a roster completely before anything is stored: every problem in both files is reported with its
/// line, and a roster is returned only when there are none.
/// </summary>
public static class RosterReader
{
    public static readonly IReadOnlyList<string> UnitColumns = ["unit", "parent", "name"];
    public static readonly IReadOnlyList<string> EmployeeColumns = ["employee_id", "email", "language", "unit"];

    public static (Roster? Roster, IReadOnlyList<CsvProblem> Problems) Read(CsvDocument units, CsvDocument employees)
    {
        var problems = new List<CsvProblem>(units.Problems);
        problems.AddRange(employees.Problems);

        var unitRows = ReadUnits(units, problems);
        var tree = units.IsValid ? UnitTree.TryBuild(unitRows.Select(u => new UnitLink(u.Unit.Id, u.Unit.Parent, u.Line)).ToList(), units.Source, problems) : null;
        var knownUnits = unitRows.Select(u => u.Unit.Id).ToHashSet(StringComparer.Ordinal);
        var staff = ReadEmployees(employees, knownUnits, units.IsValid, problems);

        return problems.Count == 0 && tree is not null
            ? (new Roster(unitRows.Select(u => u.Unit).ToList(), staff, tree), problems)
            : (null, problems);
    }

    private static List<(RosterUnit Unit, int Line)> ReadUnits(CsvDocument units, List<CsvProblem> problems)
    {
        var result = new List<(RosterUnit, int)>();
        foreach (var row in units.Rows)
        {
            var id = row["unit"].Trim();
            var parent = row["parent"].Trim();
            var name = row["name"].Trim();
            var ok = CheckId(units.Source, row.Line, "unit", id, problems);
            ok &= parent.Length == 0 || CheckId(units.Source, row.Line, "parent", parent, problems);
            if (!RosterFormats.IsValidName(name))
            {
                problems.Add(new CsvProblem(units.Source, row.Line, $"name must be 1–{RosterFormats.MaxNameLength} characters without control characters"));
                ok = false;
            }

            if (ok)
            {
                result.Add((new RosterUnit(id, parent.Length == 0 ? null : parent, name), row.Line));
            }
        }

        return result;
    }

    private static List<RosterEmployee> ReadEmployees(CsvDocument employees, HashSet<string> knownUnits, bool unitsReadable, List<CsvProblem> problems)
    {
        var result = new List<RosterEmployee>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in employees.Rows)
        {
            var id = row["employee_id"].Trim();
            var email = row["email"].Trim();
            var language = row["language"].Trim();
            var unit = row["unit"].Trim();
            var ok = CheckId(employees.Source, row.Line, "employee_id", id, problems);
            if (ok && !firstLine.TryAdd(id, row.Line))
            {
                problems.Add(new CsvProblem(employees.Source, row.Line, $"employee {CsvReader.Printable(id)} appears more than once (first on line {firstLine[id]})"));
                ok = false;
            }

            if (!RosterFormats.IsValidEmail(email))
            {
                problems.Add(new CsvProblem(employees.Source, row.Line, $"malformed email address {CsvReader.Printable(email)}"));
                ok = false;
            }

            if (!Languages.TryParse(language, out var lang))
            {
                problems.Add(new CsvProblem(employees.Source, row.Line, $"unknown language {CsvReader.Printable(language)}: use nl or en"));
                ok = false;
            }

            if (unitsReadable && !knownUnits.Contains(unit))
            {
                problems.Add(new CsvProblem(employees.Source, row.Line, $"unknown unit {CsvReader.Printable(unit)}"));
                ok = false;
            }

            if (ok)
            {
                result.Add(new RosterEmployee(id, email, lang!.Value, unit));
            }
        }

        return result;
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
