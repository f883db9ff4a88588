using PulsePipeline.Models.Email;

namespace PulsePipeline.UnitTests.Email;

public sealed class DutchCalendarTests
{
    [Fact]
    public void WithoutTimeZoneData_TheCalendarRefuses_NamingTheCause()
    {
        var refusal = Assert.Throws<TimeZoneDataMissingException>(() =>
            DutchCalendar.From(id => throw new TimeZoneNotFoundException($"The time zone ID '{id}' was not found on the local computer.")));

        Assert.Contains("Europe/Amsterdam", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("tzdata", refusal.Message, StringComparison.Ordinal);
        Assert.IsType<TimeZoneNotFoundException>(refusal.InnerException);
    }

    [Fact]
    public void BrokenTimeZoneData_IsRefusedToo()
    {
        Assert.Throws<TimeZoneDataMissingException>(() => DutchCalendar.From(_ => throw new InvalidTimeZoneException("corrupt")));
    }

    [Fact]
    public void WithTimeZoneData_DatesAreInDutchTime_NotUtc()
    {
        // 23:30 UTC on 31 March 2027 is already 1 April in Amsterdam (CEST, UTC+2).
        var moment = new DateTimeOffset(2027, 3, 31, 23, 30, 0, TimeSpan.Zero);

        var day = TestCalendar.Netherlands.Day(moment);

        Assert.Equal("1 april 2027", DutchCalendar.Date(day, PulsePipeline.Models.Instrument.Language.Nl));
        Assert.Equal("1 April 2027", DutchCalendar.Date(day, PulsePipeline.Models.Instrument.Language.En));
    }
}
