using MailKit.Net.Smtp;
using PulsePipeline.Pipeline.Email;

namespace PulsePipeline.UnitTests.Email;

public sealed class SmtpRepliesTests
{
    [Theory]
    [InlineData(421, "4.3.2 Service not available, closing transmission channel", null)]
    [InlineData(451, "4.7.500 Server busy. Please try again later", null)]
    [InlineData(452, "4.5.3 Too many recipients; retry after 30 seconds", 30)]
    [InlineData(421, "4.4.2 Message submission rate for this client has exceeded the configured limit. Retry-After: 120", 120)]
    [InlineData(554, "5.7.0 The limit on the number of allowed outgoing messages was exceeded. Try again later", null)]
    [InlineData(550, "5.2.251 Sender throttled; try again in 2 minutes", 120)]
    public void ThrottlingAnswers_AreBackOffs_WithTheWaitTheyAskFor(int code, string text, int? seconds)
    {
        var e = SmtpReplies.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, (SmtpStatusCode)code, text));

        Assert.True(e.Throttled);
        Assert.False(e.Permanent);
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, e.RetryAfter);
        Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal); // the reply can echo an address: only its code is kept
    }

    [Fact]
    public void ARejectedRecipient_IsPermanent()
    {
        var e = SmtpReplies.Classify(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 user unknown"));

        Assert.True(e.Permanent);
        Assert.False(e.Throttled);
    }

    [Fact]
    public void AnyOther5xx_IsTransient()
    {
        var e = SmtpReplies.Classify(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.6.0 content rejected"));

        Assert.False(e.Permanent);
        Assert.False(e.Throttled);
    }

    [Theory]
    [InlineData("retry after 0 seconds", 1)]
    [InlineData("retry after 9 hours", 3600)]
    [InlineData("try again in 45 s", 45)]
    public void AWaitOutsideReason_IsClamped(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SmtpReplies.RetryAfter(text));
}
