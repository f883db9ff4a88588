using Azure;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.TestSupport;

/// <summary>
/// What tests, the demo and the benches do to storage and the pipeline never does: delete everything a prefix owns,
/// and look whether a table exists.
/// </summary>
public static class StorageCleanup
{
    /// <summary>Deletes every table (each wave's own included) and queue (with its poison queue) of <paramref name="storage"/>'s prefix.</summary>
    public static async Task DeleteAllAsync(this PulseStorage storage, TableServiceClient tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(tables);
        var waves = await WaveTablesAsync(storage, cancellationToken);
        var work = new List<Task>();
        work.AddRange(waves.Select(t => tables.DeleteTableAsync(t, cancellationToken)));
        work.AddRange(storage.Names.Tables.Select(t => tables.DeleteTableAsync(t, cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => storage.Queue(q).DeleteIfExistsAsync(cancellationToken)));
        work.AddRange(StorageNames.Queues.Select(q => storage.PoisonQueue(q).DeleteIfExistsAsync(cancellationToken)));
        await Task.WhenAll(work);
    }

    /// <summary>Whether a table exists: for checks that a wave's table is gone after publication.</summary>
    public static async Task<bool> TableExistsAsync(this TableServiceClient tables, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return await tables.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {name}"), cancellationToken: cancellationToken).AnyAsync(cancellationToken);
    }

    /// <summary>Every wave's own table (none when the waves table does not exist yet).</summary>
    private static async Task<IReadOnlyList<string>> WaveTablesAsync(PulseStorage storage, CancellationToken cancellationToken)
    {
        try
        {
            var waves = await storage.Waves.QueryAsync<WaveEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition}"), select: ["RowKey", "Table"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            return [.. waves.Where(w => w.Table.Length > 0).Select(w => w.Table)];
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
