using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Messages;

/// <summary>
/// "Do this for wave X": the publish, detect and alert queues carry only a wave id. Attempt counts deferrals
/// (publication waits for the responses queue to drain).
/// </summary>
public sealed record WaveMessage(string WaveId, int Attempt = 0) : IQueueMessage
{
    public IEnumerable<string> Problems()
    {
        if (!WaveIds.IsValid(WaveId))
        {
            yield return "waveId is not a valid wave id";
        }

        if (Attempt < 0)
        {
            yield return "attempt must not be negative";
        }
    }
}
