using System.CommandLine;
using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse train-model [--out models/shift-model/shift-model.zip] [--seed 11]`: trains the shift model on simulated
/// histories (deterministic: the same seed gives the same bytes) and writes the zip with its schema beside it, which
/// the build ships with both hosts. Retrain and commit both files when the features, the instrument or the simulator
/// change: a host refuses to start with a model whose schema does not match the code.
/// </summary>
internal static class TrainModelCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = $"Where to write the model zip; its schema goes beside it as NAME.schema.json. Default: the shipped model, models/{ShiftModelSchema.FolderName}/{ShiftModelSchema.ModelFileName} in the checkout",
            DefaultValueFactory = _ => ShippedModelPath(),
        };
        var seed = new Option<int>("--seed") { Description = "Training seed; the threshold is calibrated on the next seed", DefaultValueFactory = _ => ShiftModelTraining.Default.Seed };
        var command = new Command("train-model", "Train the shift model on simulated histories and write it with its schema (instrument, features, seed, trainer settings, SHA-256); the build ships both with each host.");
        command.Options.Add(output);
        command.Options.Add(seed);
        command.SetAction((ParseResult r) => Run(r.GetValue(output)!, r.GetValue(seed), Console.Out, Console.Error));
        return command;
    }

    /// <summary>models/shift-model/shift-model.zip in the checkout.</summary>
    public static string ShippedModelPath() => Path.Combine(PulseHome.Directory, "models", ShiftModelSchema.FolderName, ShiftModelSchema.ModelFileName);

    /// <summary>Where the schema of the model at <paramref name="zipPath"/> goes: shift-model.zip beside shift-model.schema.json.</summary>
    public static string SchemaPath(string zipPath) => Path.ChangeExtension(zipPath, ".schema.json");

    public static int Run(string outPath, int seed, TextWriter stdout, TextWriter stderr)
    {
        var release = ShiftModelTrainer.Release(ShiftModelTraining.Default with { Seed = seed });
        var schemaPath = SchemaPath(outPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
            AtomicFile.Write(outPath, s => s.Write(release.Zip));
            AtomicFile.WriteText(schemaPath, w => w.Write(release.Schema.ToJson()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{outPath}: cannot save the model: {e.Message}");
            return 1;
        }

        stdout.WriteLine($"model {release.Model.Version}, threshold {release.Model.Threshold:0.####}");
        stdout.WriteLine($"trained on: {release.Model.TrainingData}");
        stdout.WriteLine($"saved to {outPath} and {schemaPath} (SHA-256 {release.Schema.Sha256})");
        return 0;
    }
}
