using PulsePipeline.Models.Detection;

namespace PulsePipeline.Cli.Commands;

/// <summary>Where the CSV commands get their shift model: a saved zip when given, otherwise the default training (deterministic).</summary>
internal static class ShiftModels
{
    /// <summary>Returns the model, or null after writing why to <paramref name="error"/>.</summary>
    public static ShiftModel? Obtain(string? path, TextWriter error)
    {
        if (path is null)
        {
            return ShiftModel.Train();
        }

        try
        {
            using var stream = File.OpenRead(path);
            return ShiftModel.Load(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{path}: cannot read the shift model: {e.Message}");
            return null;
        }
    }
}
