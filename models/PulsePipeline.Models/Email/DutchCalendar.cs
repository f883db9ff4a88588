using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Email;

/// <summary>
/// Dates in words in Dutch and English, and the Netherlands' clock (Europe/Amsterdam) by which closing dates are
/// written and weekends are reckoned. The hosts look the zone up and hand it in (<see cref="From"/>), so the domain
/// reads no machine data; without the machine's time-zone data there is no Dutch clock, and a host refuses to start
/// rather than silently date and defer by UTC, an hour or two off. The hosts run with invariant globalization, so
/// month names are here rather than taken from culture data.
/// </summary>
public sealed class DutchCalendar
{
    public const string TimeZoneId = "Europe/Amsterdam";

    /// <summary>When reminders held over a weekend go out: Monday at this hour, Dutch time.</summary>
    public const int MondayHour = 8;

    private static readonly string[] NlMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private readonly TimeZoneInfo netherlands;

    private DutchCalendar(TimeZoneInfo netherlands) => this.netherlands = netherlands;

    /// <summary>The calendar with the Netherlands' zone from <paramref name="lookup"/> (the hosts pass <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>).</summary>
    /// <exception cref="TimeZoneDataMissingException">The lookup has no data for Europe/Amsterdam.</exception>
    public static DutchCalendar From(Func<string, TimeZoneInfo> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        try
        {
            return new DutchCalendar(lookup(TimeZoneId));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw TimeZoneDataMissingException.For(TimeZoneId, e);
        }
    }

    public DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, netherlands).DateTime;

    /// <summary>The day it is in the Netherlands at <paramref name="moment"/>.</summary>
    public DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(ToLocal(moment));

    /// <summary>A day in words: "1 april 2027", "1 April 2027".</summary>
    public static string Date(DateOnly day, Language language) => language == Language.Nl
        ? $"{day.Day} {NlMonths[day.Month - 1]} {day.Year}"
        : $"{day.Day} {EnMonths[day.Month - 1]} {day.Year}";

    /// <summary>The weekend rule: reminders never go out on Saturday or Sunday, reckoned in the Netherlands, where the employees are.</summary>
    public bool IsWeekend(DateTimeOffset moment) => ToLocal(moment).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>How long from a weekend moment until Monday <see cref="MondayHour"/>:00 in the Netherlands; zero on a weekday.</summary>
    public TimeSpan UntilMondayMorning(DateTimeOffset moment)
    {
        var local = ToLocal(moment);
        if (!IsWeekend(moment))
        {
            return TimeSpan.Zero;
        }

        var daysToMonday = local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1;
        var monday = local.Date.AddDays(daysToMonday).AddHours(MondayHour);
        return monday - local;
    }
}
