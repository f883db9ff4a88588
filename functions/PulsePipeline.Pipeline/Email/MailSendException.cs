namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// An email that did not go out. Permanent means this recipient will never be accepted (a 5xx for the
/// address): retrying is pointless. Otherwise the failure is transient (4xx, connection lost, server down)
/// and the email must be retried later.
/// </summary>
public sealed class MailSendException : Exception
{
    public MailSendException(string message, bool permanent, Exception? inner = null) : base(message, inner) => Permanent = permanent;

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
}
