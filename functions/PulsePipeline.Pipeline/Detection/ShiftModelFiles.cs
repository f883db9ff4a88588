using PulsePipeline.Models.Detection;

namespace PulsePipeline.Pipeline.Detection;

/// <summary>
/// Reads the shift model a host ships with: shift-model/shift-model.zip and shift-model.schema.json beside the host's
/// assembly, where the build copies them from models/shift-model/ (`pulse train-model` writes them there). Both hosts
/// load it at start and refuse to start, with this message, when it is missing or made for other data.
/// </summary>
public static class ShiftModelFiles
{
    /// <summary>Where the build puts the shipped model: beside the host's assembly.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, ShiftModelSchema.FolderName);

    /// <exception cref="ShiftModelRejectedException">The files are missing, unreadable, or do not fit this build.</exception>
    public static ShiftModel Load(string directory)
    {
        var zipPath = Path.Combine(directory, ShiftModelSchema.ModelFileName);
        var schemaPath = Path.Combine(directory, ShiftModelSchema.SchemaFileName);
        try
        {
            return ShippedShiftModel.Open(File.ReadAllText(schemaPath), File.ReadAllBytes(zipPath));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Refusal(directory, $"{Path.GetFileName((e as FileNotFoundException)?.FileName) ?? "a file"} is missing", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refusal(directory, $"it cannot be read ({e.Message})", e);
        }
        catch (ShiftModelRejectedException e)
        {
            throw Refusal(directory, e.Message, e);
        }
    }

    private static ShiftModelRejectedException Refusal(string directory, string reason, Exception inner) => new(
        $"The shift model in {directory} cannot be used: {reason}. Train it with `./pulse train-model` (it writes " +
        $"models/{ShiftModelSchema.FolderName}/{ShiftModelSchema.ModelFileName} and {ShiftModelSchema.SchemaFileName}), then build again.",
        inner);
}
