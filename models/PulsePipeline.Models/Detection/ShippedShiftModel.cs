using System.Text.Json;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// Opens the shift model a host ships with: the schema must name this build's instrument version and features (in
/// order) and the zip's SHA-256, and the zip must load as the model version the schema names. Both hosts call this at
/// start with the two files' contents (the hosts read the files), so neither ever scores with a model made for other
/// data. Pure: no I/O.
/// </summary>
public static class ShippedShiftModel
{
    /// <exception cref="ShiftModelRejectedException">The schema or the zip does not fit this build; the message says how.</exception>
    public static ShiftModel Open(string schemaJson, byte[] zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        ShiftModelSchema schema;
        try
        {
            schema = ShiftModelSchema.FromJson(schemaJson);
        }
        catch (JsonException e)
        {
            throw new ShiftModelRejectedException($"{ShiftModelSchema.SchemaFileName} is not a model schema ({e.Message})", e);
        }

        if (schema.Mismatches(zip) is { Count: > 0 } problems)
        {
            throw new ShiftModelRejectedException(string.Join("; ", problems));
        }

        ShiftModel model;
        try
        {
            using var stream = new MemoryStream(zip, writable: false);
            model = ShiftModel.Load(stream);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new ShiftModelRejectedException($"{ShiftModelSchema.ModelFileName} does not load as a shift model ({e.Message})", e);
        }

        return model.Version == schema.ModelVersion
            ? model
            : throw new ShiftModelRejectedException($"{ShiftModelSchema.ModelFileName} holds model {model.Version}; the schema names {schema.ModelVersion}");
    }
}
