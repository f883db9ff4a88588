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
    /// <param name="document">The parsed file (<see cref="InterventionsCsv.ReadFile"/>); its own problems are kept.</param>
    /// <param name="stored">Every intervention in the registry now.</param>
    /// <param name="isKnownUnit">Whether a unit is in the current roster or a published wave.</param>
    /// <param name="defaultOwner">The owner of new rows when the file has no owner column: the importing user.</param>
    public static InterventionImportPlan Plan(CsvDocument document, IReadOnlyList<InterventionRecord> stored, Func<string, bool> isKnownUnit, string defaultOwner)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(isKnownUnit);
        var problems = new List<CsvProblem>(document.Problems);
        var byId = stored.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var byKey = stored.ToDictionary(i => i.NaturalKey);
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyLines = new Dictionary<(string, string, string), int>();
        var added = new List<InterventionRecord>();
        var updated = new List<InterventionChange>();
        var unchanged = 0;
        foreach (var row in InterventionsCsv.Rows(document))
        {
            var rowProblems = new List<string>();
            var before = row.Id is { Length: > 0 } id
                ? byId.GetValueOrDefault(id)
                : byKey.GetValueOrDefault((row.Unit, row.Type, row.StartWave));
            var target = before?.Id ?? row.Id ?? "";
            if (target.Length > 0 && !idLines.TryAdd(target, row.Line))
            {
                rowProblems.Add($"changes intervention {CsvReader.Printable(target)} again (also on line {idLines[target]}); give each intervention one row");
            }

            var after = new InterventionRecord(
                target,
                row.Unit,
                row.Type,
                row.StartWave,
                row.Status ?? before?.Status ?? InterventionStatuses.Planned,
                row.Owner ?? before?.Owner ?? defaultOwner,
                row.Notes ?? before?.Notes ?? "")
            {
                Plan = row.Plan ?? before?.Plan ?? "",
            };
            var fieldProblems = InterventionRules.Check(after).ToList();
            if (before is not null)
            {
                fieldProblems.AddRange(InterventionRules.CheckChange(before, after));
            }

            // A stored intervention's unit was accepted when it was recorded; it may have left the roster since.
            var unitChecked = fieldProblems.Exists(p => p.Field == InterventionFields.Unit);
            if (!unitChecked && before is null && !isKnownUnit(after.Unit))
            {
                fieldProblems.Add(InterventionRules.UnknownUnit(after.Unit));
            }

            rowProblems.AddRange(fieldProblems.Select(p => p.ToString()));
            if (fieldProblems.Count == 0)
            {
                if (!keyLines.TryAdd(after.NaturalKey, row.Line))
                {
                    rowProblems.Add($"unit {CsvReader.Printable(after.Unit)}, {after.Type} starting in {after.StartWave} appears more than once (also on line {keyLines[after.NaturalKey]}); keep one of the two rows");
                }
                else if (byKey.TryGetValue(after.NaturalKey, out var holder) && holder.Id != after.Id)
                {
                    rowProblems.Add(InterventionRules.Duplicate(after, holder.Id).ToString());
                }
            }

            problems.AddRange(rowProblems.Select(m => new CsvProblem(document.Source, row.Line, m)));
            if (rowProblems.Count > 0)
            {
                continue;
            }

            if (before is null)
            {
                added.Add(after);
            }
            else if (before == after)
            {
                unchanged++;
            }
            else
            {
                updated.Add(new InterventionChange(before, after));
            }
        }

        return new InterventionImportPlan(added, updated, unchanged, problems);
    }
}
