using PulsePipeline.Models.Email;

namespace PulsePipeline.Pipeline.Invitations;

/// <summary>Reminders never go out on Saturday or Sunday, reckoned in the Netherlands, where the employees are.</summary>
public static class Weekdays
{
    public static bool IsWeekend(DateTimeOffset moment) =>
        DutchCalendar.ToLocal(moment).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>How long from a weekend moment until Monday 08:00 in the Netherlands; zero on a weekday.</summary>
    public static TimeSpan UntilMondayMorning(DateTimeOffset moment)
    {
        var local = DutchCalendar.ToLocal(moment);
        if (!IsWeekend(moment))
        {
            return TimeSpan.Zero;
        }

        var daysToMonday = local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1;
        var monday = local.Date.AddDays(daysToMonday).AddHours(8);
        return monday - local;
    }
}
