using Azure;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Publication;

/// <summary>
/// The end of a wave's own table. Publication first copies the running tallies to the permanent tallies table and
/// records that on the wave row; from then on the copy is what the wave is published from, so the wave's table (token
/// rows, idempotency markers, running tallies) can be deleted in one call, last. A crash at any point converges on
/// a rerun: before the record the copy is simply made again (upserts), after it the copy is read and the delete
/// repeated (deleting a table that is gone does nothing).
/// </summary>
public sealed class WaveArchive(PulseStorage storage, WaveStore waves)
{
    /// <summary>Every private tally of the wave, copied to the permanent table first if that has not happened yet.</summary>
    public async Task<IReadOnlyList<TallyEntity>> TalliesAsync(WaveEntity wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (wave.TalliesArchived)
        {
            return await storage.Tallies.QueryAsync<TallyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave.RowKey}"), maxPerPage: 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        }

        var running = await RunningAsync(wave, cancellationToken);
        await TableBatches.SubmitAsync(storage.Tallies, running.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, t.Archived(wave.RowKey))), cancellationToken);
        wave.TalliesArchived = true;
        await waves.UpdateAsync(wave, cancellationToken);
        return running;
    }

    /// <summary>Deletes the wave's table, and with it every token row and marker of the wave; only after the copy.</summary>
    public async Task DeleteWaveTableAsync(WaveEntity wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        if (!wave.TalliesArchived)
        {
            throw new InvalidOperationException($"Wave {wave.RowKey}'s tallies have not been copied; its table is not deleted.");
        }

        try
        {
            await storage.WaveTable(wave).DeleteAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Azure deletes a table in the background; a rerun that comes while it does has nothing left to do.
        }
    }

    /// <summary>
    /// The running tallies in one streaming range query over the wave table's tally partitions (markers and token
    /// rows are filtered out by the service), instead of a read per unit.
    /// </summary>
    private async Task<List<TallyEntity>> RunningAsync(WaveEntity wave, CancellationToken cancellationToken)
    {
        var (from, to) = TallyEntity.Partitions;
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {from} and PartitionKey lt {to} and RowKey eq {TallyEntity.Row}");
        try
        {
            return await storage.WaveTable(wave).QueryAsync<TallyEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Only publication deletes a wave's table, and only after the copy: publishing nothing now would be a lie.
            throw new InvalidDataException($"Wave {wave.RowKey}'s table {wave.Table} is missing although its tallies were never copied; it cannot be published.", e);
        }
    }
}
