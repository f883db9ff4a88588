using Azure.Data.Tables;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// The units an intervention may be recorded for: those of the current roster, and those of every published wave
/// (a unit that has since left the roster still has published results, and effects, to follow up).
/// </summary>
public sealed class KnownUnits(PulseStorage storage, RosterStore roster, WaveStore waves)
{
    /// <summary>Every known unit, for checking a whole import at once.</summary>
    public async Task<IReadOnlySet<string>> LoadAsync(CancellationToken cancellationToken)
    {
        var units = new HashSet<string>(await RosterUnitsAsync(cancellationToken), StringComparer.Ordinal);
        foreach (var wave in await PublishedWavesAsync(cancellationToken))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {wave}");
            await foreach (var row in storage.Published.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                units.Add(TableKeys.Decode(row.RowKey));
            }
        }

        return units;
    }

    /// <summary>Whether one unit is known: the roster, then a point read per published wave.</summary>
    public async Task<bool> ContainsAsync(string unit, CancellationToken cancellationToken)
    {
        if ((await RosterUnitsAsync(cancellationToken)).Contains(unit, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var wave in await PublishedWavesAsync(cancellationToken))
        {
            var row = await storage.Published.GetEntityIfExistsAsync<TableEntity>(wave, TableKeys.Encode(unit), select: ["RowKey"], cancellationToken: cancellationToken);
            if (row.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IEnumerable<string>> RosterUnitsAsync(CancellationToken cancellationToken) =>
        await roster.CurrentAsync(cancellationToken) is { } current
            ? (await roster.UnitsAsync(current.Version, cancellationToken)).Select(u => u.Id)
            : [];

    private async Task<IEnumerable<string>> PublishedWavesAsync(CancellationToken cancellationToken) =>
        (await waves.AllAsync(cancellationToken)).Where(w => w.State == WaveStates.Published).Select(w => w.RowKey);
}
