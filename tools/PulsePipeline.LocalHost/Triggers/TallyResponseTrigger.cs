using Microsoft.Azure.WebJobs;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Tallies;

namespace PulsePipeline.LocalHost.Triggers;

/// <summary>Local twin of the Functions TallyResponse trigger.</summary>
public sealed class TallyResponseTrigger(TallyResponseStep step, PoisonMessages poison)
{
    [FunctionName("TallyResponse")]
    public Task Run([QueueTrigger("%queue:responses%")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.ResponsesQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
