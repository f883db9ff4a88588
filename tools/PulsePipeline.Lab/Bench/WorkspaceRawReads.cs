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

    /// <summary>
    /// The latest wave's rows and flags, the running interventions, the latest and previous waves' effects; then, for the
    /// flagged units, their flags wave by wave back while they stay flagged (when each flag began; the page does so for
    /// the findings only, a subset, so this floor is if anything too high).
    /// </summary>
    public async Task<long> OverviewAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var flagsTask = storage.Flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waves[^1]}"), maxPerPage: 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var others = await Task.WhenAll(
            PartitionAsync(storage.Published, waves[^1], cancellationToken),
            InterventionsAsync(TableClient.CreateQueryFilter($"Status eq {InterventionStatuses.Running}"), cancellationToken),
            PartitionAsync(storage.Effects, waves[^1], cancellationToken),
            PartitionAsync(storage.Effects, waves[^2], cancellationToken));
        var flags = await flagsTask;
        var flagged = flags.Where(f => f.Flagged && f.RowKey != FlagEntity.OrganisationRow).Select(f => f.RowKey);
        return waves.Count + flags.Count + others.Sum() + await RunsBackAsync(waves, flagged, cancellationToken);
    }

    /// <summary>The latest wave's rows, the flags of the last <paramref name="window"/> waves, and the withheld units of the others (why each is withheld).</summary>
    public async Task<long> HeatmapAsync(int window, CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var shown = waves.TakeLast(window).ToList();
        return waves.Count + (await Task.WhenAll(shown.Select(w => PartitionAsync(storage.Flags, w, cancellationToken))
            .Concat(shown.SkipLast(1).Select(w => CountAsync(storage.Published.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {w} and Published eq false"), select: [nameof(PublishedEntity.RowKey), nameof(PublishedEntity.Withheld)], cancellationToken: cancellationToken), cancellationToken)))
            .Append(PartitionAsync(storage.Published, waves[^1], cancellationToken)))).Sum();
    }

    /// <summary>The latest wave's rows: the names a search looks through.</summary>
    public async Task<long> SearchAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        return waves.Count + await PartitionAsync(storage.Published, waves[^1], cancellationToken);
    }

    /// <summary>The intervention form's choices: the latest wave's rows (the tree) and the ids of the waves not yet published.</summary>
    public async Task<long> FormAsync(CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var unpublished = TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition} and State ne {WaveStates.Published}");
        return waves.Count + (await Task.WhenAll(
            PartitionAsync(storage.Published, waves[^1], cancellationToken),
            CountAsync(storage.Waves.QueryAsync<WaveEntity>(unpublished, select: [nameof(WaveEntity.RowKey), nameof(WaveEntity.State)], cancellationToken: cancellationToken), cancellationToken))).Sum();
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

        // A flagged unit's status needs the wave's other flags, to know how its flag is grouped.
        var flag = await storage.Flags.GetEntityIfExistsAsync<FlagEntity>(waves[^1], key, cancellationToken: cancellationToken);
        var grouping = flag is { HasValue: true, Value.Flagged: true }
            ? (await Task.WhenAll(PartitionAsync(storage.Published, waves[^1], cancellationToken), PartitionAsync(storage.Flags, waves[^1], cancellationToken))).Sum()
            : 0;
        await audit.RecordAsync(Models.Audit.AuditActors.CommandLine("bench"), Models.Audit.AuditActions.UnitViewed, unit, cancellationToken);
        return waves.Count + rows.Sum() + up + grouping;
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

    /// <summary>
    /// The last wave's rows, the ministry's own row and every flag of each wave of the range, every intervention, the
    /// effects at the end; then when each flag of the last wave began.
    /// </summary>
    public async Task<long> ReportAsync(string ministry, string from, string to, CancellationToken cancellationToken)
    {
        var waves = await WavesAsync(cancellationToken);
        var range = waves.Where(w => string.CompareOrdinal(w, from) >= 0 && string.CompareOrdinal(w, to) <= 0).ToList();
        var rows = await PartitionAsync(storage.Published, to, cancellationToken);
        var key = TableKeys.Encode(ministry);
        var flagged = await storage.Flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {to} and Flagged eq true"), select: [nameof(FlagEntity.RowKey)], cancellationToken: cancellationToken).Select(f => f.RowKey).ToListAsync(cancellationToken);
        return waves.Count + rows + (await Task.WhenAll(range.Select(w => PointAsync<PublishedEntity>(storage.Published, w, key, cancellationToken))
            .Concat(range.Select(w => PartitionAsync(storage.Flags, w, cancellationToken)))
            .Append(InterventionsAsync(null, cancellationToken))
            .Append(PartitionAsync(storage.Effects, to, cancellationToken)))).Sum()
            + await RunsBackAsync([.. waves.Where(w => string.CompareOrdinal(w, to) <= 0)], flagged, cancellationToken);
    }

    /// <summary>The audit rows of the last seven days: one range query (through the log, which only maps the rows).</summary>
    public async Task<long> AuditAsync(CancellationToken cancellationToken) =>
        (await audit.ListAsync(audit.Today.AddDays(-6), audit.Today, AuditLog.MaxListing, cancellationToken)).Entries.Count;

    /// <summary>For each flagged unit (row key), its flag one wave back at a time while it stays flagged: when the flag began.</summary>
    private async Task<long> RunsBackAsync(List<string> waves, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var pending = keys.ToList();
        long read = 0;
        for (var i = waves.Count - 2; i >= 0 && pending.Count > 0; i--)
        {
            var found = await Task.WhenAll(pending.Select(k => storage.Flags.GetEntityIfExistsAsync<FlagEntity>(waves[i], k, cancellationToken: cancellationToken)));
            read += pending.Count;
            pending = [.. pending.Where((_, at) => found[at] is { HasValue: true, Value.Flagged: true })];
        }

        return read;
    }

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
