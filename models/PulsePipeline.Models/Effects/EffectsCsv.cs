using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The `pulse effects` contract: interventions.csv (<c>unit,intervention,start_wave</c>, optionally the registry export's
/// <c>id,status,owner,notes</c>, which are accepted and ignored but for the id, and a rollout <c>plan</c> id) read with every
/// problem on its line; and effects.csv written with exactly the contract's columns, one row per intervention and
/// construct, then the pooled rows. Real files are taken as they come: a type outside the catalogue is estimated and pooled
/// under its own id, and an intervention in a unit the history never published gives inconclusive rows with that reason.
/// Only a malformed row (a bad id or wave, a repeated row) is refused.
/// </summary>
public static class EffectsCsv
{
    public static readonly IReadOnlyList<string> InterventionColumns = ["unit", "intervention", "start_wave"];

    /// <summary>The registry export's columns, and <c>plan</c>: members of one randomised rollout plan share its id.</summary>
    public static readonly IReadOnlyList<string> OptionalInterventionColumns = ["id", "status", "owner", "notes", "plan"];

    /// <summary>The trailing <c>plan</c> is empty on unit and pooled rows and holds the plan's id on its rows.</summary>
    public static readonly IReadOnlyList<string> EffectColumns = ["unit", "intervention", "start_wave", "construct", "post_waves", "estimate", "ci_low", "ci_high", "verdict", "plan"];

    /// <summary>Registry notes can be longer than the contracts' usual field limit.</summary>
    public const int MaxFieldLength = 4096;

    /// <summary>
    /// Reads the interventions. Ids are the registry's where the file has them, else <c>unit|type|start_wave</c>. No
    /// interventions are returned when there is any problem.
    /// </summary>
    public static (IReadOnlyList<PlannedIntervention> Interventions, IReadOnlyList<CsvProblem> Problems) ReadInterventions(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<CsvProblem>(document.Problems);
        var found = new List<PlannedIntervention>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in document.Rows)
        {
            var before = problems.Count;
            void Problem(string message) => problems.Add(new CsvProblem(document.Source, row.Line, message));
            var unit = row["unit"];
            var type = row["intervention"].Trim();
            var start = row["start_wave"].Trim();
            if (Identifier.Refusal("unit", unit) is { } badUnit)
            {
                Problem($"{badUnit}; a unit id is {Identifier.Rule}");
            }

            if (Identifier.Refusal("intervention type", type) is { } badType)
            {
                Problem($"{badType}; a type is a catalogue id ({InterventionTypes.IdList}) or any other id of {Identifier.Rule}");
            }

            if (!WaveIds.IsValid(start))
            {
                Problem($"start_wave {CsvReader.Printable(start)} must be a wave id: 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 2027-03)");
            }

            var id = row.Has("id") ? row["id"].Trim() : "";
            var plan = row.Has("plan") ? CsvWriter.FromText(row["plan"].Trim()) : "";
            if (plan.Length > 0 && Identifier.Problem(plan) is { } badPlan)
            {
                Problem($"plan {CsvReader.Printable(plan)} {badPlan}; a plan id is {Identifier.Rule}");
            }

            if (problems.Count > before)
            {
                continue;
            }

            var key = $"{unit}|{type}|{start}";
            if (!firstLine.TryAdd(key, row.Line))
            {
                Problem($"unit {CsvReader.Printable(unit)} {type} from {start} appears more than once (first on line {firstLine[key]})");
                continue;
            }

            if (id.Length > 0 && !firstId.TryAdd(id, row.Line))
            {
                Problem($"id {CsvReader.Printable(id)} appears more than once (first on line {firstId[id]})");
                continue;
            }

            found.Add(new PlannedIntervention(id.Length > 0 ? id : key, unit, type, start) { Plan = plan });
        }

        return problems.Count == 0 ? (found, problems) : ([], problems.OrderBy(p => p.Line).ToList());
    }

    /// <summary>
    /// Writes effects.csv: every effect in report order, then the pooled rows (unit <c>*</c>, empty start_wave, post_waves
    /// = units pooled), then the plan rows (unit <c>*</c>, the plan's type, empty start_wave, post_waves = members counted,
    /// the plan's id in the trailing plan column, empty on every other row).
    /// </summary>
    public static void Write(TextWriter writer, EffectReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvWriter(writer);
        csv.WriteRow(EffectColumns);
        foreach (var e in report.Effects)
        {
            csv.WriteRow(CsvWriter.Text(e.Intervention.Unit), CsvWriter.Text(e.Intervention.Type), e.Intervention.StartWave, EffectWords.Id(e.Construct), CsvWriter.Number(e.PostWaves.Count), Figure(e.Estimate), Figure(e.CiLow), Figure(e.CiHigh), EffectWords.Id(e.Verdict), "");
        }

        foreach (var p in report.Pooled)
        {
            csv.WriteRow("*", CsvWriter.Text(p.Type), "", EffectWords.Id(p.Construct), CsvWriter.Number(p.Units), Figure(p.Estimate), Figure(p.CiLow), Figure(p.CiHigh), EffectWords.Id(p.Verdict), "");
        }

        foreach (var p in report.Plans)
        {
            csv.WriteRow("*", CsvWriter.Text(p.Type), "", EffectWords.Id(p.Construct), CsvWriter.Number(p.Members), Figure(p.Estimate), Figure(p.CiLow), Figure(p.CiHigh), EffectWords.Id(p.Verdict), CsvWriter.Text(p.Plan));
        }
    }

    private static string Figure(double? value) => CsvWriter.Number(value, "0.0000");
}
