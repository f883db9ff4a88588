using System.CommandLine;
using PulsePipeline.Lab.Effects;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse evaluate-effects [--seed S] [--worlds N] [--quick]`: draws seeded worlds with known effects, runs the effect
/// estimator on them and prints how it did against the targets of issue 11 (docs/EFFECTS.md). Exit 1 when a target is missed.
/// </summary>
internal static class EvaluateEffectsCommand
{
    public static Command Create()
    {
        var defaults = new EffectEvaluationSettings();
        var seed = new Option<int?>("--seed") { Description = $"Seed of the first world (default {defaults.Seed}); world w uses seed + w" };
        var worlds = new Option<int?>("--worlds") { Description = $"Worlds to draw (default {defaults.Worlds}; --quick {EffectEvaluationSettings.Quick.Worlds})" };
        var quick = new Option<bool>("--quick") { Description = $"Smaller worlds ({EffectEvaluationSettings.Quick.World.Units} units), last wave only: well under a minute" };
        var command = new Command("evaluate-effects", "Measure the effect estimator on simulated worlds with known effects: coverage, bias against before/after, width, power.");
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
