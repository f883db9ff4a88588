using Azure;
using Azure.Data.Tables;
using PulsePipeline.Models.Effects;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Effects;

/// <summary>
/// The effects of interventions as known at each published wave. Writing a wave's effects replaces that wave's rows
/// exactly (rows no longer in the report are deleted), so a rerun with the same input leaves the same rows.
/// </summary>
public sealed class EffectStore(PulseStorage storage)
{
    /// <summary>
    /// Stores the unit effects that have at least one post wave or whose unit was never published (its reason is all IPIM
    /// will ever see of it), and every pooled effect.
    /// </summary>
    public async Task WriteAsync(string asOfWave, EffectReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Effects.Where(IsStored).Select(e => EffectRows.From(asOfWave, e))
            .Concat(report.Pooled.Select(p => EffectRows.From(asOfWave, p)))
            .ToList();
        var keep = rows.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        // Only the keys of the rows already there: a delete needs no more, and a rerun finds a whole wave's rows.
        var stale = (await storage.Effects.QueryAsync<TableEntity>(PartitionFilter(asOfWave), select: [nameof(ITableEntity.PartitionKey), nameof(ITableEntity.RowKey)], cancellationToken: cancellationToken)
                .ToListAsync(cancellationToken))
            .Where(r => !keep.Contains(r.RowKey))
            .Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All));
        await TableBatches.SubmitAsync(storage.Effects, stale, cancellationToken);
        await TableBatches.SubmitAsync(storage.Effects, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
    }

    /// <summary>Whether a unit effect is stored: one without a post wave only when it never will have one to speak of.</summary>
    public static bool IsStored(InterventionEffect effect) =>
        effect.PostWaves.Count > 0 || effect.Reason == InconclusiveReason.NoPublishedWave;

    /// <summary>Every effect row (unit and pooled) known at <paramref name="asOfWave"/>.</summary>
    public async Task<IReadOnlyList<EffectEntity>> ReadAsync(string asOfWave, CancellationToken cancellationToken) =>
        await storage.Effects.QueryAsync<EffectEntity>(PartitionFilter(asOfWave), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    /// <summary>One intervention's effects (both constructs) at every wave they were estimated, oldest wave first.</summary>
    public async Task<IReadOnlyList<EffectEntity>> HistoryOfAsync(string interventionId, CancellationToken cancellationToken)
    {
        var prefix = TableKeys.Encode(interventionId) + "|";
        var rows = await storage.Effects.QueryAsync<EffectEntity>(TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}"), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).ToList();
    }

    private static string PartitionFilter(string asOfWave) => TableClient.CreateQueryFilter($"PartitionKey eq {asOfWave}");
}
