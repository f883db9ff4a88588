namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// The one seam between the pipeline and an email provider. SMTP (Azure Communication Services' relay,
/// smtp4dev) implements it today; an Azure.Communication.Email client could later, without touching a step.
/// </summary>
public interface IMailSender
{
    /// <summary>Opens a session (one connection) for a batch of emails.</summary>
    /// <exception cref="MailSendException">The server cannot be reached or refuses the session.</exception>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}
