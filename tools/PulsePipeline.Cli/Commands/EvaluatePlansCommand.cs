using System.CommandLine;
using PulsePipeline.Lab.Plans;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse evaluate-plans [--seed S] [--worlds N] [--quick]`: draws seeded stepped-wedge worlds with rollout plans over
/// flagged units, runs the plan estimator on them and prints how it did against the targets of issue 22 (docs/PLANS.md).
/// Exit 1 when a target is missed.
/// </summary>
internal static class EvaluatePlansCommand
{
    public static Command Create()
    {
        var defaults = new PlanEvaluationSettings();
        var seed = new Option<int?>("--seed") { Description = $"Seed of the first world (default {defaults.Seed}); world w uses seed + w" };
        var worlds = new Option<int?>("--worlds") { Description = $"Worlds to draw, three plans each (default {defaults.Worlds}; --quick {PlanEvaluationSettings.Quick.Worlds})" };
        var quick = new Option<bool>("--quick") { Description = "Fewer worlds (every scenario once) and two shifted worlds" };
        var command = new Command("evaluate-plans", "Measure the rollout-plan estimator on simulated stepped-wedge worlds: coverage, size, bias, width against an oracle, power, and a world where the observational model is wrong.");
        foreach (var option in new Option[] { seed, worlds, quick })
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r) =>
        {
            var settings = r.GetValue(quick) ? PlanEvaluationSettings.Quick : new PlanEvaluationSettings();
            settings = settings with { Seed = r.GetValue(seed) ?? settings.Seed, Worlds = r.GetValue(worlds) ?? settings.Worlds };
            return Run(settings, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(PlanEvaluationSettings settings, TextWriter stdout, TextWriter stderr)
    {
        if (settings.Worlds < 1)
        {
            stderr.WriteLine("--worlds must be at least 1");
            return DetectCommand.BadInput;
        }

        PlanEvaluationReport report;
        try
        {
            report = PlanEvaluation.Run(settings);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            return DetectCommand.BadInput;
        }

        stdout.Write(PlanEvaluationText.Format(report));
        return report.Passed ? 0 : 1;
    }
}
