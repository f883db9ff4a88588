using System.CommandLine;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse train-model --out shift-model.zip`: trains the default shift model (deterministic) and saves it, so that
/// `pulse detect --model` and `pulse evaluate --model` need not train it again.
/// </summary>
internal static class TrainModelCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to save the model (zip)", Required = true };
        var command = new Command("train-model", "Train the default shift model on simulated histories and save it with its version and training data.");
        command.Options.Add(output);
        command.SetAction((ParseResult r) => Run(r.GetValue(output)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string outPath, TextWriter stdout, TextWriter stderr)
    {
        var model = ShiftModel.Train();
        try
        {
            AtomicFile.Write(outPath, model.Save);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outPath}: cannot save the model: {e.Message}");
            return 1;
        }

        stdout.WriteLine($"model {model.Version}, threshold {model.Threshold:0.####}");
        stdout.WriteLine($"trained on: {model.TrainingData}");
        stdout.WriteLine($"saved to {outPath}");
        return 0;
    }
}
