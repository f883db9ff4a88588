using Azure;
using Azure.Data.Tables;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// Where a closed demo wave is between its close and the IPIM digest, read from storage, so the demo's progress
/// line says what the host is doing (tallying, publishing, detecting, estimating effects, sending the digest)
/// instead of counting seconds in silence.
/// </summary>
internal sealed class DemoSettling(PulseStorage storage, string waveId)
{
    public sealed record State(string Stage, bool DigestSent);

    public async Task<State> ProbeAsync(CancellationToken cancellationToken)
    {
        var digest = await storage.Alerts.GetEntityIfExistsAsync<AlertEntity>(waveId, AlertEntity.DigestRow, cancellationToken: cancellationToken);
        if (digest.HasValue)
        {
            return new State("sending the IPIM digest", digest.Value!.State == AlertEntity.Sent);
        }

        var wave = await storage.Waves.GetEntityAsync<WaveEntity>(WaveEntity.Partition, waveId, cancellationToken: cancellationToken);
        if (wave.Value.State != WaveStates.Published)
        {
            var queued = await QueuedAsync(StorageNames.ResponsesQueue, cancellationToken);
            return new State(queued > 0 ? $"tallying, about {queued} responses queued" : "publishing (k-anonymity and secondary suppression)", false);
        }

        var flagged = await storage.Flags.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
            .AsPages().FirstAsync(cancellationToken);
        return new State(flagged.Values.Count == 0 ? "detecting shifts" : "estimating effects, composing the IPIM digest", false);
    }

    private async Task<int> QueuedAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await storage.Queue(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException)
        {
            return 0;
        }
    }
}
