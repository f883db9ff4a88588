using System.CommandLine;
using PulsePipeline.Lab.Effects;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse evaluate-effects [--seed S] [--worlds N] [--quick]`: draws the grid of simulated worlds with known effects
/// (docs/EFFECTS.md), runs the effect estimator on each and prints every world's figures against the targets. Exit 1
/// when a target is missed.
/// </summary>
internal static class EvaluateEffectsCommand
{
    public static Command Create()
    {
        var defaults = new EffectEvaluationSettings();
        var seed = new Option<int?>("--seed") { Description = $"Seed of the first draw of every world (default {defaults.Seed}; the estimator was tuned on seeds below 200); draw w uses seed + w" };
        var worlds = new Option<int?>("--worlds") { Description = $"Draws per world of the grid (default {defaults.Worlds}; --quick {EffectEvaluationSettings.Quick.Worlds})" };
        var quick = new Option<bool>("--quick") { Description = $"{EffectEvaluationSettings.Quick.Cells.Count} worlds of the grid, {EffectEvaluationSettings.Quick.Cells[0].World.Units} units each: a minute, too few effects to judge the targets" };
        var command = new Command("evaluate-effects", "Measure the effect estimator on a grid of simulated worlds with known effects: coverage per size band, false labels and bias at zero, inconclusive share, width against an oracle and the exact floor, power.");
        foreach (var option in new Option[] { seed, worlds, quick })
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r) =>
        {
            var settings = r.GetValue(quick) ? EffectEvaluationSettings.Quick : new EffectEvaluationSettings();
            settings = settings with { Seed = r.GetValue(seed) ?? settings.Seed, Worlds = r.GetValue(worlds) ?? settings.Worlds };
            return Run(settings, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(EffectEvaluationSettings settings, TextWriter stdout, TextWriter stderr)
    {
        if (settings.Worlds < 1)
        {
            stderr.WriteLine("--worlds must be at least 1");
            return DetectCommand.BadInput;
        }

        EffectEvaluationReport report;
        try
        {
            report = EffectEvaluation.Run(settings);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            return DetectCommand.BadInput;
        }

        stdout.Write(EffectEvaluationText.Format(report));
        return report.Passed ? 0 : 1;
    }
}
