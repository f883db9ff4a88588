using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Email;

/// <summary>
/// Dates in words in Dutch and English, and the Netherlands' clock (Europe/Amsterdam) by which closing dates are
/// written and weekends are reckoned. The hosts run with invariant globalization, so month names are here rather
/// than taken from culture data. Without the machine's time-zone data there is no Dutch clock: a host refuses to
/// start (<see cref="EnsureAvailable"/>) rather than silently date and defer by UTC, an hour or two off.
/// </summary>
public static class DutchCalendar
{
    public const string TimeZoneId = "Europe/Amsterdam";

    private static readonly string[] NlMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Looked up once; a failed lookup is kept too, so every later use refuses with the same message.
    private static readonly Lazy<TimeZoneInfo> Netherlands = new(() => Find(TimeZoneInfo.FindSystemTimeZoneById));

    /// <exception cref="TimeZoneDataMissingException">The machine has no data for Europe/Amsterdam.</exception>
    public static void EnsureAvailable() => _ = Netherlands.Value;

    /// <exception cref="TimeZoneDataMissingException">The machine has no data for Europe/Amsterdam.</exception>
    public static DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands.Value).DateTime;

    public static string Date(DateTimeOffset moment, Language language)
    {
        var local = ToLocal(moment);
        return language == Language.Nl
            ? $"{local.Day} {NlMonths[local.Month - 1]} {local.Year}"
            : $"{local.Day} {EnMonths[local.Month - 1]} {local.Year}";
    }

    /// <summary>The Netherlands' zone from <paramref name="lookup"/>, or the refusal that names the cause.</summary>
    internal static TimeZoneInfo Find(Func<string, TimeZoneInfo> lookup)
    {
        try
        {
            return lookup(TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw TimeZoneDataMissingException.For(TimeZoneId, e);
        }
    }
}
