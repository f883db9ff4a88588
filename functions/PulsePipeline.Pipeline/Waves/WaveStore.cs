using Azure;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Waves;

/// <summary>Reads and updates wave rows and their unit snapshots.</summary>
public sealed class WaveStore(PulseStorage storage)
{
    public async Task<WaveEntity?> GetAsync(string waveId, CancellationToken cancellationToken)
    {
        var response = await storage.Waves.GetEntityIfExistsAsync<WaveEntity>(WaveEntity.Partition, waveId, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<IReadOnlyList<WaveEntity>> AllAsync(CancellationToken cancellationToken)
    {
        var waves = new List<WaveEntity>();
        await foreach (var wave in storage.Waves.QueryAsync<WaveEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition}"), cancellationToken: cancellationToken))
        {
            waves.Add(wave);
        }

        return waves;
    }

    /// <summary>Inserts a new wave; false when a wave with that id already exists.</summary>
    public async Task<bool> TryAddAsync(WaveEntity wave, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Waves.AddEntityAsync(wave, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the wave row under its ETag, so two hosts cannot both move a wave on; the row then carries the new ETag.</summary>
    public async Task UpdateAsync(WaveEntity wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var response = await storage.Waves.UpdateEntityAsync(wave, wave.ETag, TableUpdateMode.Replace, cancellationToken);
        wave.ETag = response.Headers.ETag ?? wave.ETag;
    }

    /// <summary>Brings an open wave's closing time forward to <paramref name="now"/>; the close step does the rest.</summary>
    public async Task<WaveEntity?> EndEarlyAsync(string waveId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wave = await GetAsync(waveId, cancellationToken);
        if (wave is null || wave.State is not (WaveStates.Open or WaveStates.Opening) || wave.ClosesAt <= now)
        {
            return wave;
        }

        wave.ClosesAt = now;
        await UpdateAsync(wave, cancellationToken);
        return wave;
    }

    /// <summary>The waves whose own table still exists: every wave not yet published.</summary>
    public async Task<IReadOnlyList<WaveEntity>> UnpublishedAsync(CancellationToken cancellationToken) =>
        await storage.Waves.QueryAsync<WaveEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {WaveEntity.Partition} and State ne {WaveStates.Published}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WaveUnitEntity>> UnitsAsync(string waveId, CancellationToken cancellationToken)
    {
        var units = new List<WaveUnitEntity>();
        await foreach (var unit in storage.WaveUnits.QueryAsync<WaveUnitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), cancellationToken: cancellationToken))
        {
            units.Add(unit);
        }

        return units;
    }
}
