using Microsoft.Azure.Functions.Worker;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Functions.Triggers;

/// <summary>Opens a wave on PULSE_WAVE_SCHEDULE; the wave id is the UTC date it opens.</summary>
public sealed class StartWavesFunction(OpenWaveStep step, TimeProvider clock)
{
    [Function("StartWaves")]
    public Task Run([TimerTrigger("%PULSE_WAVE_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken) =>
        step.OpenAsync(WaveIds.ForSchedule(clock.GetUtcNow()), cancellationToken);
}
