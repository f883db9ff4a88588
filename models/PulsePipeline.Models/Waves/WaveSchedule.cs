using NCrontab;

namespace PulsePipeline.Models.Waves;

/// <summary>
/// The waves a schedule (PULSE_WAVE_SCHEDULE, NCRONTAB with seconds, as the StartWaves timer reads it) will open, by
/// the id each gets (<see cref="WaveIds.ForSchedule"/>): what the intervention form offers as start waves to come.
/// </summary>
public static class WaveSchedule
{
    /// <summary>The ids of the next <paramref name="count"/> waves the schedule opens after <paramref name="after"/>; none for a schedule that does not parse.</summary>
    public static IReadOnlyList<string> Next(string schedule, DateTimeOffset after, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not { } cron)
        {
            return [];
        }

        var ids = new List<string>();
        for (var at = after.UtcDateTime; ids.Count < count;)
        {
            at = cron.GetNextOccurrence(at);
            var id = WaveIds.ForSchedule(new DateTimeOffset(at, TimeSpan.Zero));
            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
