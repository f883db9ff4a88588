using Azure;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Publication;

/// <summary>
/// Removes what linked a wave's responses to its tokens once the wave is published: the idempotency markers
/// (keyed by token hash, beside the tallies) and the token rows themselves. Only the sums remain.
/// </summary>
public sealed class WaveCleanup(PulseStorage storage)
{
    /// <summary>
    /// One streaming range query over the wave's tally partitions ("{wave}|…") finds every marker, instead of a query
    /// per unit: 1,500 units cost a handful of pages, not 1,500 round trips.
    /// </summary>
    public async Task DeleteMarkersAndTokensAsync(string waveId, CancellationToken cancellationToken)
    {
        var (from, to) = TallyEntity.WavePartitions(waveId);
        await DeleteAsync(storage.Tallies, TableClient.CreateQueryFilter($"PartitionKey gt {from} and PartitionKey lt {to} and RowKey ge {"m|"} and RowKey lt {"m}"}"), cancellationToken);
        await DeleteAsync(storage.Tokens, TableClient.CreateQueryFilter($"Wave eq {waveId}"), cancellationToken);
    }

    /// <summary>Deletes what the filter matches in chunks, so memory stays flat however many rows there are.</summary>
    private static async Task DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        const int Chunk = 5_000;
        var rows = new List<TableTransactionAction>(Chunk);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (rows.Count >= Chunk)
            {
                await TableBatches.SubmitAsync(table, rows, cancellationToken);
                rows.Clear();
            }
        }

        await TableBatches.SubmitAsync(table, rows, cancellationToken);
    }
}
