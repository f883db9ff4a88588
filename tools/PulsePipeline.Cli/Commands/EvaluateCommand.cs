using System.CommandLine;
using System.Diagnostics;
using PulsePipeline.Lab.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse evaluate [--large] [--units N] [--waves N] [--seed N] [--model model.zip | --train-seed N]`: simulates a history with planted
/// shifts, runs the model and the baseline on it and prints how each did. Exit 1 when a target is missed.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var large = new Option<bool>("--large") { Description = $"Full size: {EvaluationSettings.Large.Units} units x {EvaluationSettings.Large.Waves} waves (the figures in docs/DETECTION.md)" };
        var units = new Option<int?>("--units") { Description = $"Simulated units (default {new EvaluationSettings().Units})" };
        var waves = new Option<int?>("--waves") { Description = $"Simulated waves (default {new EvaluationSettings().Waves})" };
        var seed = new Option<int?>("--seed") { Description = $"Simulation seed (default {new EvaluationSettings().Seed})" };
        var model = new Option<string?>("--model") { Description = $"A saved shift model (zip); {ShiftModels.Help}" };
        var trainSeed = new Option<int?>("--train-seed") { Description = "Train a model with this seed first instead of using the shipped one" };
        var command = new Command("evaluate", "Measure the shift detector and the statistical baseline on a simulated history with planted shifts.");
        foreach (var option in new Option[] { large, units, waves, seed, model, trainSeed })
        {
            command.Options.Add(option);
        }

        command.SetAction((ParseResult r) =>
        {
            var settings = r.GetValue(large) ? EvaluationSettings.Large : new EvaluationSettings();
            settings = settings with
            {
                Units = r.GetValue(units) ?? settings.Units,
                Waves = r.GetValue(waves) ?? settings.Waves,
                Seed = r.GetValue(seed) ?? settings.Seed,
            };
            return Run(settings, r.GetValue(model), Console.Out, Console.Error, r.GetValue(trainSeed));
        });
        return command;
    }

    public static int Run(EvaluationSettings settings, string? modelPath, TextWriter stdout, TextWriter stderr, int? trainSeed = null)
    {
        var clock = Stopwatch.StartNew();
        var model = ShiftModels.Obtain(modelPath, trainSeed, stderr);
        if (model is null)
        {
            return DetectCommand.BadInput;
        }

        var trained = clock.Elapsed;
        EvaluationReport report;
        try
        {
            report = ShiftEvaluation.Run(settings, model);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine(e.Message);
            return DetectCommand.BadInput;
        }

        stdout.Write(EvaluationText.Format(report));
        stdout.WriteLine($"time: model {trained.TotalSeconds:0.0} s, evaluation {(clock.Elapsed - trained).TotalSeconds:0.0} s");
        return report.Passed ? 0 : 1;
    }
}
