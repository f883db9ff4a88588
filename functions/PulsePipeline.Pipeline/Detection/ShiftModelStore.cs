using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Pipeline.Detection;

/// <summary>
/// The shift model in blob storage: shift-model/{version}.zip with shift-model/{version}.json naming the data it
/// was trained on, and shift-model/current.json saying which version is in use. The first detection trains it
/// (deterministic, seconds); later ones load it, so every flag is traceable to one stored model.
/// </summary>
public sealed class ShiftModelStore(PulseStorage storage, TimeProvider clock, ILogger<ShiftModelStore> logger) : IDisposable
{
    private const string CurrentBlob = "shift-model/current.json";
    private readonly SemaphoreSlim gate = new(1, 1);
    private ShiftModel? cached;

    public async Task<ShiftModel> GetAsync(CancellationToken cancellationToken)
    {
        if (cached is { } model)
        {
            return model;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return cached ??= await LoadAsync(cancellationToken) ?? await TrainAndStoreAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<ShiftModel?> LoadAsync(CancellationToken cancellationToken)
    {
        var current = storage.Models.GetBlobClient(CurrentBlob);
        if (!await current.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var pointer = JsonSerializer.Deserialize<ModelPointer>((await current.DownloadContentAsync(cancellationToken)).Value.Content.ToString())
            ?? throw new InvalidDataException($"{CurrentBlob} is empty");
        var content = await storage.Models.GetBlobClient($"shift-model/{pointer.Version}.zip").DownloadContentAsync(cancellationToken);
        using var stream = content.Value.Content.ToStream();
        return ShiftModel.Load(stream);
    }

    private async Task<ShiftModel> TrainAndStoreAsync(CancellationToken cancellationToken)
    {
        var model = ShiftModel.Train();
        using (var zip = new MemoryStream())
        {
            model.Save(zip);
            zip.Position = 0;
            await storage.Models.GetBlobClient($"shift-model/{model.Version}.zip").UploadAsync(zip, overwrite: true, cancellationToken);
        }

        var description = JsonSerializer.Serialize(new { model.Version, model.TrainingData, model.Threshold, TrainedAt = clock.GetUtcNow() });
        await storage.Models.GetBlobClient($"shift-model/{model.Version}.json").UploadAsync(BinaryData.FromString(description), overwrite: true, cancellationToken);
        try
        {
            // Only the first writer sets the pointer, so concurrent hosts agree on one model.
            await storage.Models.GetBlobClient(CurrentBlob).UploadAsync(
                BinaryData.FromString(JsonSerializer.Serialize(new ModelPointer(model.Version))),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            logger.LogInformation("Trained and stored shift model {ModelVersion}", model.Version);
            return model;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return await LoadAsync(cancellationToken) ?? model;
        }
    }

    public void Dispose() => gate.Dispose();

    private sealed record ModelPointer(string Version);
}
