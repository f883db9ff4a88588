namespace PulsePipeline.Pipeline.Email;

/// <summary>A connection over which several emails are sent one after another.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <exception cref="MailSendException">The email was not accepted; see <see cref="MailSendException.Permanent"/>.</exception>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
