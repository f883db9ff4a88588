using PulsePipeline.Models.Plans;

namespace PulsePipeline.Cli.Commands;

/// <summary>Plans as terminal text for `pulse plans list|show|draw`: stored text always shown through <see cref="TerminalText"/>.</summary>
internal static class PlanText
{
    public static void WriteList(TextWriter output, IReadOnlyList<RolloutPlan> plans)
    {
        output.WriteLine($"{"ID",-16}{"TYPE",-22}{"UNITS",6}  {"COHORTS",7}  {"FIRST START",-12}{"STATUS",-11}{"WITHDRAWN",9}  OWNER");
        foreach (var p in plans)
        {
            output.WriteLine($"{p.Id,-16}{p.Type,-22}{p.Eligible.Count,6}  {p.Cohorts,7}  {p.StartWaves[0],-12}{p.Status,-11}{p.Withdrawals.Count,9}  {TerminalText.Cell(p.Owner, 40)}");
        }
    }

    public static void Write(TextWriter output, RolloutPlan plan)
    {
        output.WriteLine($"Plan {plan.Id}: {plan.Type}, meant to move {string.Join(" and ", plan.Constructs)}; owner {TerminalText.Cell(plan.Owner, 80)}.");
        output.WriteLine($"Registered {plan.Registered:yyyy-MM-dd} by {TerminalText.Cell(plan.RegisteredByName, 80)}; {plan.Eligible.Count} units, {plan.Cohorts} cohorts starting {string.Join(", ", plan.StartWaves)}; strata {plan.Strata}.");
        if (plan.Drawing is not { } drawing)
        {
            output.WriteLine("Not drawn yet. Eligible units:");
            foreach (var c in plan.Eligible)
            {
                output.WriteLine($"  {TerminalText.Cell(c.Unit, 128)}{(c.Stratum.Length > 0 ? $"  [{TerminalText.Cell(c.Stratum, 128)}]" : "")}");
            }

            return;
        }

        output.WriteLine($"Drawn {drawing.Day:yyyy-MM-dd} by {TerminalText.Cell(drawing.ByName, 80)} with seed {drawing.Seed} (docs/PLANS.md says how to reproduce the draw from it).");
        foreach (var cohort in drawing.Members.GroupBy(m => m.Cohort).OrderBy(g => g.Key))
        {
            output.WriteLine($"Cohort {cohort.Key + 1}, from {plan.StartWaves[cohort.Key]} ({cohort.Count()} units):");
            foreach (var m in cohort)
            {
                var withdrawn = plan.Withdrawals.FirstOrDefault(w => w.Unit == m.Unit) is { } w ? $"  withdrawn {w.Day:yyyy-MM-dd} by {TerminalText.Cell(w.ByName, 80)}: {TerminalText.Cell(w.Reason, 200)}" : "";
                output.WriteLine($"  {TerminalText.Cell(m.Unit, 128)}{(m.Stratum.Length > 0 ? $"  [{TerminalText.Cell(m.Stratum, 128)}]" : "")}{withdrawn}");
            }
        }
    }
}
