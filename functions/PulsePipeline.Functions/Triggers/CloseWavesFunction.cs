using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Closes waves whose time is up and queues their publication, on PULSE_CLOSE_SCHEDULE.</summary>
public sealed class CloseWavesFunction(CloseWavesStep step)
{
    [Function("CloseWaves")]
    public Task Run([TimerTrigger("%PULSE_CLOSE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.RunAsync(cancellationToken);
}
