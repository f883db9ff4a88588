namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// An email that did not go out. Permanent means this recipient will never be accepted (a 5xx for the address):
/// retrying is pointless. Throttled means the server asked to slow down (a 421, another 4xx, or a 5xx that says to try
/// again later): the same email is sent again once <see cref="RetryAfter"/> (the server's hint, if it gave one) has
/// passed, and that is not a failure. Otherwise the failure is transient (connection lost, server down) and the email
/// must be retried later.
/// </summary>
public sealed class MailSendException : Exception
{
    public MailSendException(string message, bool permanent, Exception? inner = null) : base(message, inner) => Permanent = permanent;

    public MailSendException(string message, TimeSpan? retryAfter, Exception? inner) : base(message, inner)
    {
        Throttled = true;
        RetryAfter = retryAfter;
    }

    public MailSendException()
    {
    }

    public MailSendException(string message) : base(message)
    {
    }

    public MailSendException(string message, Exception inner) : base(message, inner)
    {
    }

    public bool Permanent { get; }

    public bool Throttled { get; }

    public TimeSpan? RetryAfter { get; }
}
