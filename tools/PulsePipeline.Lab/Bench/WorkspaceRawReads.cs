using Azure.Data.Tables;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// The storage reads behind each workspace page, issued straight through the SDK with the same queries, each read once
/// and as concurrently as the page can issue them (the wave list first: every other read depends on it). This is the
/// floor a page is measured against: what it cannot avoid reading. Each returns the number of rows read.
/// </summary>
internal sealed class WorkspaceRawReads(PulseStorage storage, AuditLog audit)
{
    private static readonly string[] WaveColumns = [nameof(WaveEntity.RowKey), nameof(WaveEntity.State), nameof(WaveEntity.InstrumentVersion)];

    /// <summary>The latest wave's rows and flags, the running interventions, the latest and previous waves' effects.</summary>
    public async Task<long> OverviewAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        return waves.Count + (await Task.WhenAll(
            PartitionAsync(storage.Published, waves[^1], cancellationToken),
            PartitionAsync(storage.Flags, waves[^1], cancellationToken),
            InterventionsAsync(TableClient.CreateQueryFilter($"Status eq {InterventionStatuses.Running}"), cancellationToken),
            PartitionAsync(storage.Effects, waves[^1], cancellationToken),
            PartitionAsync(storage.Effects, waves[^2], cancellationToken))).Sum();
    }

    /// <summary>The latest wave's rows and the flags of the last <paramref name="window"/> waves.</summary>
    public async Task<long> HeatmapAsync(int window, CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        return waves.Count + (await Task.WhenAll(waves.TakeLast(window).Select(w => PartitionAsync(storage.Flags, w, cancellationToken))
            .Append(PartitionAsync(storage.Published, waves[^1], cancellationToken)))).Sum();
    }

    /// <summary>The unit's row and flag in every wave, its interventions, the latest effects, its children and the path up; the audit row of the view.</summary>
    public async Task<long> UnitAsync(string unit, IReadOnlyList<string> path, CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var key = TableKeys.Encode(unit);
        var rows = await Task.WhenAll(waves.Select(w => PointAsync<PublishedEntity>(storage.Published, w, key, cancellationToken))
            .Concat(waves.Select(w => PointAsync<FlagEntity>(storage.Flags, w, key, cancellationToken)))
            .Append(InterventionsAsync(TableClient.CreateQueryFilter($"Unit eq {unit}"), cancellationToken))
            .Append(PartitionAsync(storage.Effects, waves[^1], cancellationToken))
            .Append(CountAsync(storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waves[^1]} and Parent eq {unit}"), select: PublishedReadModel.FigureColumns, cancellationToken: cancellationToken), cancellationToken)));
        long up = 0;
        foreach (var ancestor in path)
        {
            up += await PointAsync<PublishedEntity>(storage.Published, waves[^1], TableKeys.Encode(ancestor), cancellationToken);
        }

        await audit.RecordAsync(Models.Audit.AuditActors.CommandLine("bench"), Models.Audit.AuditActions.UnitViewed, unit, cancellationToken);
        return waves.Count + rows.Sum() + up;
    }

    /// <summary>The latest wave's rows (for names and ministries) and every intervention.</summary>
    public async Task<long> InterventionsAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        return waves.Count + (await Task.WhenAll(PartitionAsync(storage.Published, waves[^1], cancellationToken), InterventionsAsync(null, cancellationToken))).Sum();
    }

    /// <summary>The latest wave's rows (for names) and its effects.</summary>
    public async Task<long> EffectsAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        return waves.Count + (await Task.WhenAll(PartitionAsync(storage.Published, waves[^1], cancellationToken), PartitionAsync(storage.Effects, waves[^1], cancellationToken))).Sum();
    }

    /// <summary>The last wave's rows, the ministry's own row and every flag of each wave of the range, every intervention, the effects at the end.</summary>
    public async Task<long> ReportAsync(string ministry, string from, string to, CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var range = waves.Where(w => string.CompareOrdinal(w, from) >= 0 && string.CompareOrdinal(w, to) <= 0).ToList();
        var rows = await PartitionAsync(storage.Published, to, cancellationToken);
        var key = TableKeys.Encode(ministry);
        return waves.Count + rows + (await Task.WhenAll(range.Select(w => PointAsync<PublishedEntity>(storage.Published, w, key, cancellationToken))
            .Concat(range.Select(w => PartitionAsync(storage.Flags, w, cancellationToken)))
            .Append(InterventionsAsync(null, cancellationToken))
            .Append(PartitionAsync(storage.Effects, to, cancellationToken)))).Sum();
    }

    /// <summary>The audit rows of the last seven days: one range query (through the log, which only maps the rows).</summary>
    public async Task<long> AuditAsync(CancellationToken cancellationToken) =>
        (await audit.ListAsync(audit.Today.AddDays(-6), audit.Today, AuditLog.MaxListing, cancellationToken)).Entries.Count;

    private async Task<List<string>> WavesAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition} and State eq {WaveStates.Published}");
        return [.. (await storage.Waves.QueryAsync<WaveEntity>(filter, select: WaveColumns, cancellationToken: cancellationToken).ToListAsync(cancellationToken)).Select(w => w.RowKey).Order(StringComparer.Ordinal)];
    }

    /// <summary>A whole partition; of published rows only the columns a page shows of a whole wave (not the item distributions).</summary>
    private Task<long> PartitionAsync(TableClient table, string partition, CancellationToken cancellationToken) =>
        CountAsync(table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1000, select: table == storage.Published ? PublishedReadModel.FigureColumns : null, cancellationToken: cancellationToken), cancellationToken);

    private Task<long> InterventionsAsync(string? condition, CancellationToken cancellationToken)
    {
        var filter = InterventionEntity.AllRowsFilter;
        return CountAsync(storage.Interventions.QueryAsync<InterventionEntity>(condition is null ? filter : $"{filter} and {condition}", cancellationToken: cancellationToken), cancellationToken);
    }

    private static async Task<long> PointAsync<T>(TableClient table, string partition, string row, CancellationToken cancellationToken)
        where T : class, ITableEntity => (await table.GetEntityIfExistsAsync<T>(partition, row, cancellationToken: cancellationToken)).HasValue ? 1 : 0;

    private static async Task<long> CountAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken) => await rows.CountAsync(cancellationToken);
}
