namespace PulsePipeline.UnitTests.Email;

public sealed class WeekendRuleTests
{
    [Theory]
    [InlineData("2027-03-12T22:30:00Z", false)] // Friday 23:30 in Amsterdam
    [InlineData("2027-03-12T23:30:00Z", true)]  // already Saturday 00:30 in Amsterdam
    [InlineData("2027-03-14T22:59:00Z", true)]  // Sunday 23:59 in Amsterdam
    [InlineData("2027-03-14T23:00:00Z", false)] // Monday 00:00 in Amsterdam
    [InlineData("2027-07-09T22:30:00Z", true)]  // Friday 22:30 UTC is Saturday 00:30 in summer (CEST)
    public void TheWeekend_IsReckonedInAmsterdam(string utc, bool weekend)
    {
        Assert.Equal(weekend, TestCalendar.Netherlands.IsWeekend(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AWeekendMoment_WaitsUntilMondayEightInTheMorning()
    {
        var saturday = new DateTimeOffset(2027, 3, 13, 9, 0, 0, TimeSpan.Zero); // 10:00 in Amsterdam (CET)

        var wait = TestCalendar.Netherlands.UntilMondayMorning(saturday);

        Assert.Equal(new DateTimeOffset(2027, 3, 15, 7, 0, 0, TimeSpan.Zero), saturday + wait); // Monday 08:00 CET
        Assert.Equal(TimeSpan.Zero, TestCalendar.Netherlands.UntilMondayMorning(saturday.AddDays(2)));
    }
}
