using PulsePipeline.Models.Email;

namespace PulsePipeline.UnitTests.Email;

/// <summary>The Dutch calendar with this machine's Europe/Amsterdam zone, as the hosts make it.</summary>
internal static class TestCalendar
{
    public static DutchCalendar Netherlands { get; } = DutchCalendar.From(TimeZoneInfo.FindSystemTimeZoneById);
}
