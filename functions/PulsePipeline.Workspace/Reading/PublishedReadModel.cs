using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// Everything the workspace reads, and the only class that reads it (privacy rule 6): the published rows, the
/// flags, and which waves are published. It opens those three tables and no other, so the pages cannot reach
/// tallies, tokens, the roster or deliveries even by mistake; a unit test checks the assembly references none of
/// them. Of a wave it reads only its id and instrument once it is published, and before that only its id (for the
/// intervention form's start waves): nothing of an open wave's answers or participation. Within a request
/// (<see cref="BeginRequest"/>) the wave list and each wave's rows are read once, however many parts of the page ask.
/// </summary>
public sealed class PublishedReadModel
{
    private static readonly string[] WaveColumns = [nameof(WaveEntity.RowKey), nameof(WaveEntity.State), nameof(WaveEntity.InstrumentVersion)];

    /// <summary>
    /// A published row's columns but its item distributions, for reading whole waves: only a unit's own page shows items,
    /// and it reads its rows one by one (<see cref="RowAsync"/>). A wave's rows are then smaller and need no JSON parsed.
    /// </summary>
    public static readonly IReadOnlyList<string> FigureColumns =
    [
        nameof(PublishedEntity.PartitionKey), nameof(PublishedEntity.RowKey), nameof(PublishedEntity.Name), nameof(PublishedEntity.Parent),
        nameof(PublishedEntity.Published), nameof(PublishedEntity.Withheld), nameof(PublishedEntity.N), nameof(PublishedEntity.Invited), nameof(PublishedEntity.ResponseRate),
        nameof(PublishedEntity.PressureMean), nameof(PublishedEntity.PressureSd), nameof(PublishedEntity.SpeakUpMean), nameof(PublishedEntity.SpeakUpSd),
        nameof(PublishedEntity.NormsMean), nameof(PublishedEntity.NormsSd),
    ];

    private static readonly string[] WithheldColumns = [nameof(PublishedEntity.PartitionKey), nameof(PublishedEntity.RowKey), nameof(PublishedEntity.Published), nameof(PublishedEntity.Withheld)];

    private static readonly AsyncLocal<RequestReads?> Request = new();

    private readonly TableClient published;
    private readonly TableClient flags;
    private readonly TableClient waves;

    public PublishedReadModel(StorageClients clients, IOptions<PulseOptions> options)
    {
        var names = new StorageNames(options.Value.StoragePrefix);
        published = clients.Tables.GetTableClient(names.Published);
        flags = clients.Tables.GetTableClient(names.Flags);
        waves = clients.Tables.GetTableClient(names.Waves);
    }

    /// <summary>
    /// Starts a request: until it is disposed, the calls that flow from the caller (the page's models, also when they run
    /// concurrently) share one read of the wave list and of each wave's rows. Outside a request every call reads.
    /// </summary>
    public static IDisposable BeginRequest()
    {
        var reads = new RequestReads(() => Request.Value = null);
        Request.Value = reads;
        return reads;
    }

    /// <summary>Published waves, oldest first (wave ids sort as text in the order the waves ran).</summary>
    public Task<IReadOnlyList<PublishedWave>> WavesAsync(CancellationToken cancellationToken) =>
        Request.Value is { } reads ? reads.Waves(() => ReadWavesAsync(cancellationToken)) : ReadWavesAsync(cancellationToken);

    /// <summary>The ids of waves opened but not yet published, oldest first: start waves the intervention form offers.</summary>
    public async Task<IReadOnlyList<string>> UnpublishedWaveIdsAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition} and State ne {WaveStates.Published}");
        var rows = await waves.QueryAsync<WaveEntity>(filter, select: [nameof(WaveEntity.RowKey), nameof(WaveEntity.State)], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. rows.Select(w => w.RowKey).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every row of a wave, without item distributions (<see cref="FigureColumns"/>).</summary>
    public Task<IReadOnlyList<PublishedRow>> RowsAsync(string wave, CancellationToken cancellationToken) =>
        Request.Value is { } reads ? reads.Rows(wave, () => ReadRowsAsync(wave, cancellationToken)) : ReadRowsAsync(wave, cancellationToken);

    public async Task<PublishedRow?> RowAsync(string wave, string unit, CancellationToken cancellationToken)
    {
        var row = await published.GetEntityIfExistsAsync<PublishedEntity>(wave, TableKeys.Encode(unit), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToRow(entity) : null;
    }

    /// <summary>The units whose parent was <paramref name="parent"/> in that wave (one partition, filtered by the service), without items.</summary>
    public async Task<IReadOnlyList<PublishedRow>> ChildrenAsync(string wave, string parent, CancellationToken cancellationToken) =>
        [.. (await published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave} and Parent eq {parent}"), select: FigureColumns, cancellationToken: cancellationToken).ToListAsync(cancellationToken)).Select(ToRow)];

    /// <summary>
    /// Why each unit suppressed in <paramref name="wave"/> is withheld (null: not recorded), filtered by the service, so
    /// a view of several waves learns it without reading every row of each.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, SuppressionReason?>> WithheldAsync(string wave, CancellationToken cancellationToken) =>
        (await published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave} and Published eq false"), select: WithheldColumns, cancellationToken: cancellationToken).ToListAsync(cancellationToken))
            .Select(ToRow).ToDictionary(r => r.Unit, r => r.Withheld, StringComparer.Ordinal);

    /// <summary>Every flag row of a wave: the units' and the organisation's.</summary>
    public async Task<IReadOnlyList<FlagRow>> FlagsAsync(string wave, CancellationToken cancellationToken) =>
        [.. (await flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave}"), maxPerPage: 1000, cancellationToken: cancellationToken).ToListAsync(cancellationToken)).Select(ToFlag)];

    public async Task<FlagRow?> FlagAsync(string wave, string unit, CancellationToken cancellationToken) =>
        await FlagByKeyAsync(wave, TableKeys.Encode(unit), cancellationToken);

    public async Task<FlagRow?> OrganisationFlagAsync(string wave, CancellationToken cancellationToken) =>
        await FlagByKeyAsync(wave, FlagEntity.OrganisationRow, cancellationToken);

    private async Task<IReadOnlyList<PublishedWave>> ReadWavesAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition} and State eq {WaveStates.Published}");
        var rows = await waves.QueryAsync<WaveEntity>(filter, select: WaveColumns, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. rows.Select(w => new PublishedWave(w.RowKey, w.InstrumentVersion)).OrderBy(w => w.Id, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<PublishedRow>> ReadRowsAsync(string wave, CancellationToken cancellationToken) =>
        [.. (await published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {wave}"), maxPerPage: 1000, select: FigureColumns, cancellationToken: cancellationToken).ToListAsync(cancellationToken)).Select(ToRow)];

    private async Task<FlagRow?> FlagByKeyAsync(string wave, string key, CancellationToken cancellationToken)
    {
        var row = await flags.GetEntityIfExistsAsync<FlagEntity>(wave, key, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToFlag(entity) : null;
    }

    private static PublishedRow ToRow(PublishedEntity p) => new(
        p.PartitionKey,
        TableKeys.Decode(p.RowKey),
        p.Name,
        p.Parent,
        p.Published,
        p.Published ? p.N : null,
        p.Published && p.ResponseRate is not null ? p.Invited : null,
        p.Published ? p.ResponseRate : null,
        new Dictionary<Construct, ConstructResult>
        {
            [Construct.Pressure] = new(p.PressureMean, p.PressureSd),
            [Construct.SpeakUp] = new(p.SpeakUpMean, p.SpeakUpSd),
            [Construct.Norms] = new(p.NormsMean, p.NormsSd),
        },
        p.Published && p.Items.Length > 0
            ? JsonSerializer.Deserialize<Dictionary<string, long[]>>(p.Items)!.ToDictionary(i => i.Key, i => (IReadOnlyList<long>)i.Value, StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal))
    {
        Withheld = p.Published ? SuppressionReason.None : Enum.TryParse<SuppressionReason>(p.Withheld, out var reason) && reason != SuppressionReason.None ? reason : null,
    };

    private static FlagRow ToFlag(FlagEntity f) => new(
        f.PartitionKey,
        f.RowKey == FlagEntity.OrganisationRow ? null : TableKeys.Decode(f.RowKey),
        f.Status,
        f.Flagged,
        f.Score,
        f.N,
        f.PressureChange,
        f.PressureUncertainty,
        f.SpeakUpChange,
        f.SpeakUpUncertainty,
        f.Reasons,
        f.ReasonData);
}
