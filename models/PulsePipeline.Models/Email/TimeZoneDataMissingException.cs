namespace PulsePipeline.Models.Email;

/// <summary>
/// The machine cannot say what time it is in the Netherlands: its time-zone database (tzdata) is missing or
/// broken. Closing dates in emails and the weekend rule for reminders depend on it, so hosts and commands refuse
/// to start with this message instead of falling back to UTC.
/// </summary>
public sealed class TimeZoneDataMissingException : Exception
{
    public TimeZoneDataMissingException()
    {
    }

    public TimeZoneDataMissingException(string message) : base(message)
    {
    }

    public TimeZoneDataMissingException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>The refusal for <paramref name="zone"/>, naming the cause and the fix.</summary>
    public static TimeZoneDataMissingException For(string zone, Exception inner) => new(
        $"The time zone {zone} is not available on this machine, so closing dates and the weekend rule for reminders cannot be reckoned in Dutch time. Install the time-zone database (Debian/Ubuntu: `apt-get install tzdata`; in a container image, add the tzdata package) and start again. ({inner.GetType().Name}: {inner.Message})",
        inner);
}
