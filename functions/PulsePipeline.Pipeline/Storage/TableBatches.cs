using Azure.Data.Tables;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// Writes many entities as entity-group transactions: grouped by partition, at most 100 per transaction,
/// several transactions in flight. Far fewer round trips than one request per entity.
/// </summary>
public static class TableBatches
{
    public const int MaxPerTransaction = 100;

    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken, int parallelism = 8)
    {
        var transactions = actions
            .GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(MaxPerTransaction));
        await Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct));
    }
}
