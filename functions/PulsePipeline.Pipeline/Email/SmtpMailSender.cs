using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Email;

/// <summary>Sends over SMTP with MailKit: STARTTLS and credentials for Azure Communication Services, plain for smtp4dev.</summary>
public sealed class SmtpMailSender(IOptions<PulseOptions> options) : IMailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (o.SmtpUsername.Length > 0)
            {
                await client.AuthenticateAsync(o.SmtpUsername, o.SmtpPassword, cancellationToken);
            }

            return new Session(client, o.SenderName, o.SenderAddress);
        }
        catch (Exception e) when (IsMailFailure(e))
        {
            client.Dispose();
            throw e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } busy
                ? SmtpReplies.Classify(busy) // a greeting of 421: too many connections, come back later
                : new MailSendException($"cannot open an SMTP session with {o.SmtpHost}:{o.SmtpPort}: {e.GetType().Name}", permanent: false, e);
        }
    }

    internal static bool IsMailFailure(Exception e) =>
        e is IOException or SocketException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException or TimeoutException or OperationCanceledException;

    /// <summary>
    /// The MIME message for one email. The sender address is a new object every time: a message's address list
    /// subscribes to its addresses' change events, so one shared sender address would keep every message ever
    /// sent over a session alive for as long as the session lives (with pooled sessions, for good).
    /// </summary>
    internal static MimeMessage Compose(string senderName, string senderAddress, OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName, senderAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Content.Subject;
        message.Body = new BodyBuilder { TextBody = email.Content.Text, HtmlBody = email.Content.Html }.ToMessageBody();
        return message;
    }

    private sealed class Session(SmtpClient client, string senderName, string senderAddress) : IMailSession
    {
        public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
        {
            using var message = Compose(senderName, senderAddress, email);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw SmtpReplies.Classify(e);
            }
            catch (Exception e) when (IsMailFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                // Messages and exception texts here never include the address: logs must not hold emails.
                throw new MailSendException($"SMTP send failed: {e.GetType().Name}", permanent: false, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (IsMailFailure(e))
            {
                // The session is over either way; a failed QUIT changes nothing that was sent.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
