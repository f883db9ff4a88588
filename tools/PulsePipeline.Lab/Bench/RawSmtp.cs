using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PulsePipeline.Models.Email;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// The floor for sending: the same messages (same composition, same size) sent with MailKit directly over a
/// fixed number of open connections to the same smtp4dev, with nothing else around them.
/// </summary>
internal static class RawSmtp
{
    public static async Task<TimeSpan> SendAsync(PulseOptions options, IReadOnlyList<(string To, EmailContent Content)> messages, int connections, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(options.SmtpHost, options.SmtpPort, SecureSocketOptions.None, cancellationToken);
            for (var i = Interlocked.Increment(ref next); i < messages.Count; i = Interlocked.Increment(ref next))
            {
                var (to, content) = messages[i];
                using var message = new MimeMessage();
                message.From.Add(new MailboxAddress(options.SenderName, options.SenderAddress));
                message.To.Add(MailboxAddress.Parse(to));
                message.Subject = content.Subject;
                message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
                await client.SendAsync(message, cancellationToken);
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }));
        return clock.Elapsed;
    }
}
