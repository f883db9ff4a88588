using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using PulsePipeline.Models.Detection.Features;

namespace PulsePipeline.Models.Detection;

/// <summary>
/// The trained shift model: an ML.NET logistic regression over the unit-wave features, its calibrated score
/// threshold, a version string and a description of the data it was trained on. `pulse train-model` trains it
/// (PulsePipeline.Lab's ShiftModelTrainer, deterministic) and ships it; persist it with <see cref="Save"/> and
/// <see cref="Load"/>. Immutable and safe to share between threads: scoring uses a fresh ML.NET context per call and
/// no PredictionEngine.
/// </summary>
public sealed class ShiftModel
{
    private const int FormatVersion = 1;
    private const string MetadataEntry = "model.json";
    private const string MlNetEntry = "mlnet-model.zip";
    private static readonly DateTimeOffset EntryTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ITransformer transformer;
    private readonly DataViewSchema inputSchema;

    internal ShiftModel(ITransformer transformer, DataViewSchema inputSchema, string version, string trainingData, double threshold)
    {
        this.transformer = transformer;
        this.inputSchema = inputSchema;
        Version = version;
        TrainingData = trainingData;
        Threshold = threshold;
    }

    /// <summary>Names the model: feature version, trainer, simulator version, seed, size and target false-alarm rate.</summary>
    public string Version { get; }

    /// <summary>The data the model was trained and calibrated on, in words.</summary>
    public string TrainingData { get; }

    /// <summary>The score at or above which a unit-wave with adverse evidence is flagged.</summary>
    public double Threshold { get; }

    /// <summary>Writes the model as one zip: the ML.NET model and a JSON entry with version, training data and threshold.</summary>
    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var meta = new ShiftModelMetadata(FormatVersion, FeatureSpec.Version, Version, TrainingData, Threshold, [.. FeatureSpec.Names]);
        var metaEntry = zip.CreateEntry(MetadataEntry);
        metaEntry.LastWriteTime = EntryTime;
        using (var s = metaEntry.Open())
        {
            JsonSerializer.Serialize(s, meta, ShiftModelMetadata.JsonOptions);
        }

        var modelEntry = zip.CreateEntry(MlNetEntry);
        modelEntry.LastWriteTime = EntryTime;
        using var m = modelEntry.Open();
        SaveMlNetModel(m);
    }

    /// <summary>
    /// ML.NET's own zip, its entries re-stamped with a fixed time: ML.NET stamps them with the time of saving, and the
    /// same training must give the same bytes (the shipped model is checked against a fresh training).
    /// </summary>
    private void SaveMlNetModel(Stream target)
    {
        using var saved = new MemoryStream();
        new MLContext(seed: 0).Model.Save(transformer, inputSchema, saved);
        saved.Position = 0;
        using var source = new ZipArchive(saved, ZipArchiveMode.Read);
        using var copy = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var stamped = copy.CreateEntry(entry.FullName);
            stamped.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = stamped.Open();
            from.CopyTo(to);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a shift model, or one made for other features.</exception>
    public static ShiftModel Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var metaEntry = zip.GetEntry(MetadataEntry) ?? throw new InvalidDataException($"not a shift model: no {MetadataEntry}");
        ShiftModelMetadata meta;
        using (var s = metaEntry.Open())
        {
            meta = JsonSerializer.Deserialize<ShiftModelMetadata>(s, ShiftModelMetadata.JsonOptions) ?? throw new InvalidDataException("empty model metadata");
        }

        if (meta.FormatVersion != FormatVersion || meta.FeatureVersion != FeatureSpec.Version)
        {
            throw new InvalidDataException($"model {meta.Version} has format {meta.FormatVersion} and features v{meta.FeatureVersion}; " +
                $"this build reads format {FormatVersion} with features v{FeatureSpec.Version}: retrain it");
        }

        var modelEntry = zip.GetEntry(MlNetEntry) ?? throw new InvalidDataException($"not a shift model: no {MlNetEntry}");
        using var buffer = new MemoryStream();
        using (var m = modelEntry.Open())
        {
            m.CopyTo(buffer); // ML.NET needs a seekable stream
        }

        buffer.Position = 0;
        var context = new MLContext(seed: 0);
        context.ComponentCatalog.RegisterAssembly(typeof(LinearBinaryModelParameters).Assembly); // loading may come before any training
        var transformer = context.Model.Load(buffer, out var schema);
        return new ShiftModel(transformer, schema, meta.Version, meta.TrainingData, meta.Threshold);
    }

    /// <summary>The model's probability for each feature vector, in order.</summary>
    internal double[] Score(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        var context = new MLContext(seed: 0);
        var data = context.Data.LoadFromEnumerable(features.Select(f => new ModelInput { Features = f }));
        var scored = transformer.Transform(data);
        return context.Data.CreateEnumerable<ModelOutput>(scored, reuseRowObject: false).Select(o => (double)o.Probability).ToArray();
    }
}
