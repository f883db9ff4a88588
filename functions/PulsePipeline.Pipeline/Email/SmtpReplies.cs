using System.Globalization;
using System.Text.RegularExpressions;
using MailKit.Net.Smtp;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// What an SMTP reply that refused an email means for it. A 421 (the server closes the channel) and any other 4xx are
/// the server asking to slow down: back off and send the same email again. So is a 5xx whose text says to try again
/// later or names a rate or quota (relays do answer throttling that way: "554 5.7.0 … limit … exceeded. Try again
/// later"). Any other 5xx for a recipient is permanent; anything else transient. Messages never quote the reply's text
/// (it can echo the address) beyond its status code.
/// </summary>
internal static partial class SmtpReplies
{
    public static readonly TimeSpan ShortestRetry = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public static MailSendException Classify(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        if (code is >= 400 and < 500 || (code >= 500 && ThrottleWords().IsMatch(e.Message)))
        {
            return new MailSendException($"the server asked to slow down ({code})", RetryAfter(e.Message), e);
        }

        return e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && code >= 500
            ? new MailSendException($"the server rejected the recipient ({code})", permanent: true, e)
            : new MailSendException($"SMTP send failed: {nameof(SmtpCommandException)} ({code})", permanent: false, e);
    }

    /// <summary>The wait a reply asks for ("retry after 30 seconds", "Retry-After: 30", "try again in 2 minutes"), if it names one.</summary>
    public static TimeSpan? RetryAfter(string text)
    {
        var match = RetryHint().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var wait = unit.StartsWith('h') ? TimeSpan.FromHours(amount) : unit.StartsWith('m') ? TimeSpan.FromMinutes(amount) : TimeSpan.FromSeconds(amount);
        return wait < ShortestRetry ? ShortestRetry : wait > LongestRetry ? LongestRetry : wait;
    }

    [GeneratedRegex(@"try (again )?later|retry|throttl|rate limit|too many|quota|limit exceeded|exceeded the", RegexOptions.IgnoreCase)]
    private static partial Regex ThrottleWords();

    [GeneratedRegex(@"(?:retry|try\s+again)[^0-9]{0,20}?(?<amount>\d{1,6})\s*(?<unit>hours?|h|minutes?|mins?|m|seconds?|secs?|s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex RetryHint();
}
