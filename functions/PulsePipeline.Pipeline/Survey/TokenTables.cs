using Azure;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Finds a token's row from the link alone. Each wave keeps its tokens in a table of its own, and a link names no
/// wave, so the row is looked up in the table of every wave not yet published (usually one, at most a few). The list
/// of those waves is kept for a minute and read again whenever a token is not found, so a wave opened a moment ago is
/// found at the first try: a known token costs one read per unpublished wave, as a single token table did, and an
/// unknown one adds a read of the (small) waves table.
/// </summary>
public sealed class TokenTables(PulseStorage storage, WaveStore waves, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    private volatile Snapshot? known;

    /// <summary>The wave id and token row for a token hash, or null when no unpublished wave has it.</summary>
    public async Task<(string WaveId, TokenEntity Row)?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var cached = known;
        var searched = new List<WaveEntity>();
        if (cached is { } c && clock.GetUtcNow() - c.ReadAt < KeepFor)
        {
            if (await SearchAsync(c.Waves, tokenHash, cancellationToken) is { } hit)
            {
                return hit;
            }

            searched.AddRange(c.Waves);
        }

        var fresh = await waves.UnpublishedAsync(cancellationToken);
        known = new Snapshot(fresh, clock.GetUtcNow());
        return await SearchAsync(fresh.Where(w => !searched.Any(s => s.RowKey == w.RowKey && s.Table == w.Table)).ToList(), tokenHash, cancellationToken);
    }

    private async Task<(string, TokenEntity)?> SearchAsync(IReadOnlyList<WaveEntity> candidates, string tokenHash, CancellationToken cancellationToken)
    {
        var reads = candidates.Where(w => w.Table.Length > 0).Select(async w =>
        {
            try
            {
                var row = await storage.WaveTable(w).GetEntityIfExistsAsync<TokenEntity>(TokenPartition.Of(tokenHash), tokenHash, cancellationToken: cancellationToken);
                return row.HasValue && row.Value is not null ? (w.RowKey, row.Value) : ((string, TokenEntity)?)null;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409)
            {
                // The wave was published since the list was read: its table is gone (404) or going (Azure: 409).
                return null;
            }
        });
        return (await Task.WhenAll(reads)).FirstOrDefault(r => r is not null);
    }

    private sealed record Snapshot(IReadOnlyList<WaveEntity> Waves, DateTimeOffset ReadAt);
}
