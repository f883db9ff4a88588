using Azure.Data.Tables;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Detection;

/// <summary>
/// The published (k-anonymous) history as the detector reads it: every published wave up to and including a
/// given wave, never a later one, and never the private tallies.
/// </summary>
public sealed class PublishedHistory(PulseStorage storage, WaveStore waves)
{
    public async Task<IReadOnlyList<string>> WavesUpToAsync(string waveId, CancellationToken cancellationToken) =>
        (await waves.AllAsync(cancellationToken))
            .Where(w => w.State == WaveStates.Published && string.CompareOrdinal(w.RowKey, waveId) <= 0)
            .Select(w => w.RowKey)
            .Order(StringComparer.Ordinal)
            .ToList();

    public async Task<IReadOnlyList<PublishedEntity>> RowsAsync(string waveId, CancellationToken cancellationToken) =>
        await storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HistoryRow>> HistoryUpToAsync(string waveId, CancellationToken cancellationToken)
    {
        var rows = new List<HistoryRow>();
        foreach (var wave in await WavesUpToAsync(waveId, cancellationToken))
        {
            rows.AddRange((await RowsAsync(wave, cancellationToken)).Select(ToHistory));
        }

        return rows;
    }

    public static HistoryRow ToHistory(PublishedEntity p) => p.Published
        ? new HistoryRow(p.PartitionKey, p.Unit, (int?)p.N, p.ResponseRate is null ? null : (int?)p.Invited, p.PressureMean, p.PressureSd, p.SpeakUpMean, p.SpeakUpSd)
        : HistoryRow.Suppressed(p.PartitionKey, p.Unit);
}
