using PulsePipeline.Models.Csv;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// What importing interventions.csv means, decided before anything is written:
/// <list type="bullet">
/// <item>a row with an id updates the stored intervention with that id (its unit and type cannot change); an id
/// that is not stored adds the intervention under that id, so an export can restore a registry;</item>
/// <item>a row without an id updates the stored intervention with the same unit, type and start wave, or else adds
/// a new one, so importing the same file twice changes nothing;</item>
/// <item>a column the file does not have keeps the stored value (new rows: status planned, the importing user as
/// owner, no notes);</item>
/// <item>stored interventions the file does not mention are kept: an import never deletes;</item>
/// <item>every row is checked with <see cref="InterventionRules"/>; a unit must be in the current roster or a
/// published wave; the same unit, type and start wave twice is refused with both lines, as is one another stored
/// intervention already has.</item>
/// </list>
/// </summary>
public static class InterventionImport
{
    /// <param name="document">The parsed file (<see cref="InterventionsCsv.Read(Stream, string)"/>); its own problems are kept.</param>
    /// <param name="stored">Every intervention in the registry now.</param>
    /// <param name="isKnownUnit">Whether a unit is in the current roster or a published wave.</param>
    /// <param name="defaultOwner">The owner of new rows when the file has no owner column: the importing user.</param>
    public static InterventionImportPlan Plan(CsvDocument document, IReadOnlyList<InterventionRecord> stored, Func<string, bool> isKnownUnit, string defaultOwner)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(isKnownUnit);
        var planner = new Planner(stored, isKnownUnit, defaultOwner);
        var problems = new List<CsvProblem>(document.Problems);
        foreach (var row in InterventionsCsv.Rows(document))
        {
            var (before, after) = planner.Resolve(row);
            var rowProblems = planner.Problems(row, before, after);
            problems.AddRange(rowProblems.Select(m => new CsvProblem(document.Source, row.Line, m)));
            if (rowProblems.Count == 0)
            {
                planner.Accept(before, after);
            }
        }

        return new InterventionImportPlan(planner.Added, planner.Updated, planner.Unchanged, problems);
    }

    /// <summary>The registry as the import sees it, and what the rows read so far have claimed.</summary>
    private sealed class Planner(IReadOnlyList<InterventionRecord> stored, Func<string, bool> isKnownUnit, string defaultOwner)
    {
        private readonly Dictionary<string, InterventionRecord> byId = stored.ToDictionary(i => i.Id, StringComparer.Ordinal);
        private readonly Dictionary<(string, string, string), InterventionRecord> byKey = stored.ToDictionary(i => i.NaturalKey);
        private readonly Dictionary<string, int> idLines = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string, string), int> keyLines = [];

        public List<InterventionRecord> Added { get; } = [];

        public List<InterventionChange> Updated { get; } = [];

        public int Unchanged { get; private set; }

        /// <summary>The stored intervention a row changes (by id, else by unit, type and start wave), and what it becomes.</summary>
        public (InterventionRecord? Before, InterventionRecord After) Resolve(InterventionCsvRow row)
        {
            var before = row.Id is { Length: > 0 } id
                ? byId.GetValueOrDefault(id)
                : byKey.GetValueOrDefault((row.Unit, row.Type, row.StartWave));
            var after = new InterventionRecord(
                before?.Id ?? row.Id ?? "",
                row.Unit,
                row.Type,
                row.StartWave,
                row.Status ?? before?.Status ?? InterventionStatuses.Planned,
                row.Owner ?? before?.Owner ?? defaultOwner,
                row.Notes ?? before?.Notes ?? "")
            {
                Plan = row.Plan ?? before?.Plan ?? "",
            };
            return (before, after);
        }

        /// <summary>Everything wrong with a row: a second row for one intervention, its fields, its unit, a natural key taken twice.</summary>
        public List<string> Problems(InterventionCsvRow row, InterventionRecord? before, InterventionRecord after)
        {
            var problems = new List<string>();
            if (after.Id.Length > 0 && !idLines.TryAdd(after.Id, row.Line))
            {
                problems.Add($"changes intervention {CsvReader.Printable(after.Id)} again (also on line {idLines[after.Id]}); give each intervention one row");
            }

            var fieldProblems = FieldProblems(before, after);
            problems.AddRange(fieldProblems.Select(p => p.ToString()));
            if (fieldProblems.Count == 0)
            {
                if (!keyLines.TryAdd(after.NaturalKey, row.Line))
                {
                    problems.Add($"unit {CsvReader.Printable(after.Unit)}, {after.Type} starting in {after.StartWave} appears more than once (also on line {keyLines[after.NaturalKey]}); keep one of the two rows");
                }
                else if (byKey.TryGetValue(after.NaturalKey, out var holder) && holder.Id != after.Id)
                {
                    problems.Add(InterventionRules.Duplicate(after, holder.Id).ToString());
                }
            }

            return problems;
        }

        public void Accept(InterventionRecord? before, InterventionRecord after)
        {
            if (before is null)
            {
                Added.Add(after);
            }
            else if (before == after)
            {
                Unchanged++;
            }
            else
            {
                Updated.Add(new InterventionChange(before, after));
            }
        }

        private List<InterventionProblem> FieldProblems(InterventionRecord? before, InterventionRecord after)
        {
            var problems = InterventionRules.Check(after).ToList();
            if (before is not null)
            {
                problems.AddRange(InterventionRules.CheckChange(before, after));
            }

            // A stored intervention's unit was accepted when it was recorded; it may have left the roster since.
            if (before is null && !problems.Exists(p => p.Field == InterventionFields.Unit) && !isKnownUnit(after.Unit))
            {
                problems.Add(InterventionRules.UnknownUnit(after.Unit));
            }

            return problems;
        }
    }
}
