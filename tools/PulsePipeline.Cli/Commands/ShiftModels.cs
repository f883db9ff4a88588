using PulsePipeline.Lab.Training;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Where the CSV commands get their shift model: a saved zip when given (--model), a fresh training when a seed is
/// given (--train-seed), otherwise the shipped model the hosts use, checked against its schema as they check it.
/// </summary>
internal static class ShiftModels
{
    public const string Help = "default: the shipped model (models/shift-model), as both hosts use it";

    /// <summary>Returns the model, or null after writing why to <paramref name="error"/>.</summary>
    public static ShiftModel? Obtain(string? path, int? trainSeed, TextWriter error)
    {
        if (trainSeed is { } seed)
        {
            return ShiftModelTrainer.Train(ShiftModelTraining.Default with { Seed = seed });
        }

        try
        {
            if (path is null)
            {
                return ShiftModelFiles.Load(ShiftModelFiles.DefaultDirectory);
            }

            using var stream = File.OpenRead(path);
            return ShiftModel.Load(stream);
        }
        catch (ShiftModelRejectedException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{path}: cannot read the shift model: {e.Message}");
            return null;
        }
    }
}
