using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// The pipeline's storage clients, created once per host and reused: one client per table and queue.
/// </summary>
public sealed class PulseStorage(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, StorageNames names)
{
    public StorageNames Names { get; } = names;

    public TableClient Roster { get; } = tables.GetTableClient(names.Roster);

    public TableClient Waves { get; } = tables.GetTableClient(names.Waves);

    public TableClient WaveUnits { get; } = tables.GetTableClient(names.WaveUnits);

    public TableClient Tokens { get; } = tables.GetTableClient(names.Tokens);

    public TableClient Deliveries { get; } = tables.GetTableClient(names.Deliveries);

    public TableClient Tallies { get; } = tables.GetTableClient(names.Tallies);

    public TableClient Published { get; } = tables.GetTableClient(names.Published);

    public TableClient Flags { get; } = tables.GetTableClient(names.Flags);

    public TableClient Alerts { get; } = tables.GetTableClient(names.Alerts);

    public TableClient Interventions { get; } = tables.GetTableClient(names.Interventions);

    public TableClient Audit { get; } = tables.GetTableClient(names.Audit);

    public BlobContainerClient Models { get; } = blobs.GetBlobContainerClient(names.ModelsContainer);

    public QueueClient Queue(string name) => queues.GetQueueClient(Names.Queue(name));

    public QueueClient PoisonQueue(string name) => queues.GetQueueClient(Names.PoisonQueue(name));

    /// <summary>Creates every table, queue (with its poison queue) and container; safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(Names.Tables.Select(t => tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => PoisonQueue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.Add(Models.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(work);
    }

    /// <summary>Deletes everything this prefix owns: for tests and `pulse reset`, never called by the pipeline.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(Names.Tables.Select(t => tables.DeleteTableAsync(t, cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => Queue(q).DeleteIfExistsAsync(cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => PoisonQueue(q).DeleteIfExistsAsync(cancellationToken)));
        work.Add(Models.DeleteIfExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(work);
    }
}
