using System.Security.Cryptography;
using System.Text.Json;
using PulsePipeline.Models.Detection.Features;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// The JSON shipped beside the shift model's zip (ML.NET's samples ship a model with its schema): what the model was
/// made for (instrument version, feature version and names in order), how it was trained (seed and trainer settings)
/// and the SHA-256 of the zip. A host checks it against this build before it uses the model (<see cref="ShippedShiftModel"/>).
/// </summary>
public sealed record ShiftModelSchema
{
    /// <summary>The folder `pulse train-model` writes to (under models/) and the build copies beside each host.</summary>
    public const string FolderName = "shift-model";

    public const string ModelFileName = "shift-model.zip";

    public const string SchemaFileName = "shift-model.schema.json";

    /// <summary>The layout of this JSON; a change to it is a new format.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required int Format { get; init; }

    public required string ModelVersion { get; init; }

    public required string InstrumentVersion { get; init; }

    public required int FeatureVersion { get; init; }

    public required IReadOnlyList<string> Features { get; init; }

    public required int Seed { get; init; }

    public required ShiftModelTrainerSettings Trainer { get; init; }

    public required double Threshold { get; init; }

    /// <summary>SHA-256 of the model's zip, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The schema of <paramref name="model"/>, saved as <paramref name="zip"/>, made for this build's instrument and features.</summary>
    public static ShiftModelSchema Describe(ShiftModel model, byte[] zip, int seed, ShiftModelTrainerSettings trainer)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ShiftModelSchema
        {
            Format = CurrentFormat,
            ModelVersion = model.Version,
            InstrumentVersion = Instruments.Current.Version,
            FeatureVersion = FeatureSpec.Version,
            Features = [.. FeatureSpec.Names],
            Seed = seed,
            Trainer = trainer,
            Threshold = model.Threshold,
            Sha256 = HashOf(zip),
        };
    }

    public static string HashOf(byte[] zip) => Convert.ToHexStringLower(SHA256.HashData(zip));

    /// <exception cref="JsonException">Not a schema.</exception>
    public static ShiftModelSchema FromJson(string json) =>
        JsonSerializer.Deserialize<ShiftModelSchema>(json, JsonOptions) ?? throw new JsonException("the schema is empty (null)");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Where this schema and <paramref name="zip"/> disagree with this build; empty when the model fits it.</summary>
    public IReadOnlyList<string> Mismatches(byte[] zip)
    {
        var problems = new List<string>();
        if (Format != CurrentFormat)
        {
            problems.Add($"the schema has format {Format}; this build reads format {CurrentFormat}");
        }

        if (InstrumentVersion != Instruments.Current.Version)
        {
            problems.Add($"the model was made for instrument {InstrumentVersion}; this build surveys with {Instruments.Current.Version}");
        }

        if (FeatureVersion != FeatureSpec.Version || Features is null || !Features.SequenceEqual(FeatureSpec.Names))
        {
            problems.Add($"the model takes features v{FeatureVersion} ({string.Join(", ", Features ?? [])}); this build computes v{FeatureSpec.Version} ({string.Join(", ", FeatureSpec.Names)})");
        }

        if (!string.Equals(Sha256, HashOf(zip), StringComparison.Ordinal))
        {
            problems.Add($"{ModelFileName} is not the file the schema describes (SHA-256 {HashOf(zip)}, the schema says {Sha256})");
        }

        return problems;
    }
}
