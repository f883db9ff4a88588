using Azure;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Waves;

/// <summary>
/// Closes every wave whose time is up and queues its publication. From the moment a wave is closed the survey
/// refuses answers for it (410). A closed wave still unpublished an hour after its last request is queued again,
/// in case that message was lost with a crash; publication is safe to repeat.
/// </summary>
public sealed class CloseWavesStep(WaveStore waves, QueueSender queues, TimeProvider clock, ILogger<CloseWavesStep> logger)
{
    private static readonly TimeSpan RequeueAfter = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closed = new List<string>();
        foreach (var wave in await waves.AllAsync(cancellationToken))
        {
            var due = wave.State is WaveStates.Open or WaveStates.Opening && wave.ClosesAt <= now;
            var stalled = wave.State == WaveStates.Closed && (wave.PublishRequestedAt is null || now - wave.PublishRequestedAt > RequeueAfter);
            if (!due && !stalled)
            {
                continue;
            }

            wave.State = WaveStates.Closed;
            wave.PublishRequestedAt = now;
            try
            {
                await waves.UpdateAsync(wave, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue; // another instance moved this wave on first
            }

            await queues.SendAsync(StorageNames.PublishQueue, new WaveMessage(wave.RowKey), cancellationToken);
            logger.LogInformation("Wave {WaveId} closed; publication queued", wave.RowKey);
            closed.Add(wave.RowKey);
        }

        return closed;
    }
}
