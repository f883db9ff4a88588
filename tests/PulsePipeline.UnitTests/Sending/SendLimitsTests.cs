using PulsePipeline.Models.Sending;

namespace PulsePipeline.UnitTests.Sending;

public sealed class SendLimitsTests
{
    [Fact]
    public void TheQuotaOfACustomDomain_IsTwoLimits_ShortestWindowFirst()
    {
        var limits = SendLimits.TryParse("100/1h, 30/1m", out var error);

        Assert.Null(error);
        Assert.Equal([new SendLimit(30, TimeSpan.FromMinutes(1)), new SendLimit(100, TimeSpan.FromHours(1))], limits);
        Assert.Equal("30/1m", limits![0].ToString());
    }

    [Fact]
    public void Empty_IsUnlimited()
    {
        Assert.Empty(SendLimits.TryParse("", out var error)!);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30/")]
    [InlineData("0/1m")]
    [InlineData("-1/1m")]
    [InlineData("30/1d")]
    [InlineData("30/0s")]
    [InlineData("30/25h")]
    [InlineData("30/1m,40/60s")]
    [InlineData("thirty/1m")]
    public void AnythingElse_IsRefusedWithAReason(string text)
    {
        Assert.Null(SendLimits.TryParse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
