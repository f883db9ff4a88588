using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// The pipeline's storage clients, created once per host and reused: one client per table and queue, and a client
/// for each wave's own table (tokens, markers and running tallies) on demand.
/// </summary>
public sealed class PulseStorage(TableServiceClient tables, QueueServiceClient queues, StorageNames names)
{
    public StorageNames Names { get; } = names;

    public TableClient Roster { get; } = tables.GetTableClient(names.Roster);

    public TableClient Waves { get; } = tables.GetTableClient(names.Waves);

    public TableClient WaveUnits { get; } = tables.GetTableClient(names.WaveUnits);

    public TableClient Deliveries { get; } = tables.GetTableClient(names.Deliveries);

    /// <summary>The permanent copies of published waves' private tallies (for audit; never published).</summary>
    public TableClient Tallies { get; } = tables.GetTableClient(names.Tallies);

    public TableClient Published { get; } = tables.GetTableClient(names.Published);

    public TableClient Flags { get; } = tables.GetTableClient(names.Flags);

    public TableClient Alerts { get; } = tables.GetTableClient(names.Alerts);

    public TableClient Interventions { get; } = tables.GetTableClient(names.Interventions);

    public TableClient Audit { get; } = tables.GetTableClient(names.Audit);

    public TableClient Effects { get; } = tables.GetTableClient(names.Effects);

    public TableClient Plans { get; } = tables.GetTableClient(names.Plans);

    public TableClient SendLedger { get; } = tables.GetTableClient(names.SendLedger);

    public TableClient SignOuts { get; } = tables.GetTableClient(names.SignOuts);

    public QueueClient Queue(string name) => queues.GetQueueClient(Names.Queue(name));

    public QueueClient PoisonQueue(string name) => queues.GetQueueClient(Names.PoisonQueue(name));

    /// <summary>The wave's own table, by the name stored on its row.</summary>
    public TableClient WaveTable(WaveEntity wave)
    {
        ArgumentNullException.ThrowIfNull(wave);
        return wave.Table.Length > 0
            ? tables.GetTableClient(wave.Table)
            : throw new InvalidDataException($"Wave {wave.RowKey} has no table of its own; it was opened by a version that kept tokens in one shared table.");
    }

    /// <summary>
    /// Creates every table and queue (with its poison queue), and the own table of every wave that is still
    /// opening or open; safe to call on every start. A closed wave's table is never created again: publication may have
    /// deleted it, and an empty one in its place would be published as a wave nobody answered.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(Names.Tables.Select(t => tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => PoisonQueue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);

        var running = await WavesAsync(cancellationToken);
        await Task.WhenAll(running.Where(w => w.State is WaveStates.Opening or WaveStates.Open && w.Table.Length > 0).Select(w => WaveTable(w).CreateIfNotExistsAsync(cancellationToken)));
    }

    /// <summary>Every wave row (none when the waves table does not exist yet).</summary>
    private async Task<IReadOnlyList<WaveEntity>> WavesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Waves.QueryAsync<WaveEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition}"), select: ["RowKey", "State", "Table"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
