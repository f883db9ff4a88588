using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Email;

/// <summary>
/// Dates in words in Dutch and English. The hosts run with invariant globalization, so month names are here
/// rather than taken from culture data. Times are shown in the Netherlands' time zone.
/// </summary>
public static class DutchCalendar
{
    private static readonly string[] NlMonths = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] EnMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly TimeZoneInfo Netherlands = FindNetherlands();

    public static DateTime ToLocal(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Netherlands).DateTime;

    public static string Date(DateTimeOffset moment, Language language)
    {
        var local = ToLocal(moment);
        return language == Language.Nl
            ? $"{local.Day} {NlMonths[local.Month - 1]} {local.Year}"
            : $"{local.Day} {EnMonths[local.Month - 1]} {local.Year}";
    }

    private static TimeZoneInfo FindNetherlands()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // a machine without tz data still produces a correct, if UTC, date
        }
    }
}
