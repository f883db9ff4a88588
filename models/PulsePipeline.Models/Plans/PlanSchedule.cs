using System.Globalization;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Plans;

/// <summary>
/// The cohorts' start waves of a plan: cohort c starts at the c-th wave the schedule (PULSE_WAVE_SCHEDULE) opens from the
/// first start wave on, each wave id being <see cref="WaveIds.ForSchedule"/> of its occurrence (<see cref="WaveSchedule"/>).
/// </summary>
public static class PlanSchedule
{
    /// <returns>The start waves, or null when <paramref name="firstStartWave"/> is not a wave the schedule opens.</returns>
    public static IReadOnlyList<string>? StartWaves(string schedule, string firstStartWave, int cohorts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cohorts, 1);
        if (!DateOnly.TryParseExact(firstStartWave, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return null;
        }

        var before = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(-1);
        var waves = WaveSchedule.Next(schedule, before, cohorts);
        return waves.Count == cohorts && waves[0] == firstStartWave ? waves : null;
    }
}
