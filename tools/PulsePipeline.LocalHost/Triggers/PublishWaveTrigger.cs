using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions PublishWave trigger.</summary>
public sealed class PublishWaveTrigger(PublishWaveStep step, PoisonMessages poison)
{
    [FunctionName("PublishWave")]
    public Task Run([QueueTrigger("%queue:publish%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.PublishQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
