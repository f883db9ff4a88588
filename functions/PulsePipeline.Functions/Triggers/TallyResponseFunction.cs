using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Tallies;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Adds one response to its unit's private tally.</summary>
public sealed class TallyResponseFunction(TallyResponseStep step, PoisonMessages poison)
{
    [Function("TallyResponse")]
    public Task Run([QueueTrigger(StorageNames.ResponsesQueue)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        poison.RunAsync(StorageNames.ResponsesQueue, message, dequeueCount, step.HandleAsync, cancellationToken);
}
