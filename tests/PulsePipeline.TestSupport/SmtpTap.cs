using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PulsePipeline.TestSupport;

/// <summary>
/// A loopback relay in front of smtp4dev that records, for every email smtp4dev accepted (250 after the data), its
/// recipients and the moment the relay saw the 250: the ground truth of what was sent and when, which smtp4dev itself
/// forgets when it is stopped (its store is in memory). On demand it throttles like a provider's relay: it answers the
/// next MAIL commands itself with the reply given (a 451 leaves the connection open, a 421 closes it), without passing
/// them on. It relays command by command and hides PIPELINING and CHUNKING from the client, so every reply can be
/// matched with its command. When smtp4dev is down, a connection is accepted and closed at once.
/// </summary>
public sealed class SmtpTap : LoopbackRelay
{
    private readonly int upstreamPort;
    private readonly ConcurrentQueue<(string Recipient, DateTimeOffset At)> accepted = new();
    private readonly ConcurrentQueue<DateTimeOffset> mailCommands = new();
    private readonly ConcurrentQueue<DateTimeOffset> throttled = new();
    private readonly Lock throttle = new();
    private int throttleRemaining;
    private string throttleReply = "";
    private int refused;

    private SmtpTap(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        StartAccepting();
    }

    /// <summary>One recipient address per email smtp4dev accepted, in order.</summary>
    public IReadOnlyList<string> Accepted => [.. accepted.Select(a => a.Recipient)];

    /// <summary>Each accepted email's recipient and when the relay saw smtp4dev's 250 (between the client's send and its answer).</summary>
    public IReadOnlyList<(string Recipient, DateTimeOffset At)> Deliveries => [.. accepted];

    /// <summary>When each MAIL command arrived, throttled ones included: every attempt to send.</summary>
    public IReadOnlyList<DateTimeOffset> MailCommands => [.. mailCommands];

    /// <summary>When each throttling answer was given.</summary>
    public IReadOnlyList<DateTimeOffset> ThrottleAnswers => [.. throttled];

    /// <summary>Connections that found smtp4dev down.</summary>
    public int Refused => Volatile.Read(ref refused);

    /// <summary>Answers the next <paramref name="count"/> MAIL commands with <paramref name="reply"/> (e.g. "451 4.7.500 Server busy, retry after 2 seconds").</summary>
    public void Throttle(int count, string reply)
    {
        lock (throttle)
        {
            throttleRemaining = count;
            throttleReply = reply;
        }
    }

    public static SmtpTap Start() =>
        new(int.Parse(Environment.GetEnvironmentVariable("PULSE_SMTP_PORT") ?? "2525", System.Globalization.CultureInfo.InvariantCulture));

    protected override async Task RelayAsync(Socket client)
    {
        using var owned = client;
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            try
            {
                await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort), Stopping);
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            await using var fromClient = new NetworkStream(client, ownsSocket: false);
            await using var fromServer = new NetworkStream(server, ownsSocket: false);
            var clientLines = new SmtpLineReader(fromClient);
            var serverLines = new SmtpLineReader(fromServer);
            await RelayReplyAsync(serverLines, fromClient, isEhlo: false);
            var recipients = new List<string>();
            while (await clientLines.ReadLineAsync(Stopping) is { } command)
            {
                var verb = Encoding.ASCII.GetString(command).Split(' ', 2)[0].Trim().ToUpperInvariant();
                if (verb == "MAIL" && ThrottleOne() is { } answer)
                {
                    await fromClient.WriteAsync(Encoding.ASCII.GetBytes(answer + "\r\n"), Stopping);
                    if (answer.StartsWith("421", StringComparison.Ordinal))
                    {
                        return; // "closing transmission channel"
                    }

                    continue;
                }

                await fromServer.WriteAsync(command, Stopping);
                var reply = await RelayReplyAsync(serverLines, fromClient, isEhlo: verb is "EHLO");
                if (verb is "MAIL" or "RSET")
                {
                    recipients.Clear();
                }
                else if (verb == "RCPT" && reply.StartsWith('2'))
                {
                    var text = Encoding.ASCII.GetString(command);
                    recipients.Add(text[(text.IndexOf('<', StringComparison.Ordinal) + 1)..text.IndexOf('>', StringComparison.Ordinal)]);
                }
                else if (verb == "DATA" && reply.StartsWith("354", StringComparison.Ordinal))
                {
                    while (await clientLines.ReadLineAsync(Stopping) is { } line)
                    {
                        await fromServer.WriteAsync(line, Stopping);
                        if (line.AsSpan().SequenceEqual(".\r\n"u8))
                        {
                            break;
                        }
                    }

                    if ((await RelayReplyAsync(serverLines, fromClient, isEhlo: false)).StartsWith('2'))
                    {
                        var at = DateTimeOffset.UtcNow;
                        foreach (var recipient in recipients)
                        {
                            accepted.Enqueue((recipient, at));
                        }
                    }

                    recipients.Clear();
                }
                else if (verb == "QUIT")
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // smtp4dev stopped or the client went away: closing both ends tells the other.
        }
    }

    /// <summary>Records a MAIL command, and returns the throttling answer to give it, if one is due.</summary>
    private string? ThrottleOne()
    {
        var now = DateTimeOffset.UtcNow;
        mailCommands.Enqueue(now);
        lock (throttle)
        {
            if (throttleRemaining == 0)
            {
                return null;
            }

            throttleRemaining--;
            throttled.Enqueue(now);
            return throttleReply;
        }
    }

    /// <summary>Relays one complete (possibly multi-line) reply and returns its code and text.</summary>
    private async Task<string> RelayReplyAsync(SmtpLineReader server, Stream client, bool isEhlo)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await server.ReadLineAsync(Stopping) ?? throw new IOException("smtp4dev closed the connection");
            lines.Add(Encoding.ASCII.GetString(line).TrimEnd('\r', '\n'));
            if (line.Length < 4 || line[3] != '-')
            {
                break;
            }
        }

        if (isEhlo)
        {
            // One command, one reply: without these extensions the client cannot batch commands or chunk data.
            lines = lines.Where(l => l.Length < 4 || !(l[4..].StartsWith("PIPELINING", StringComparison.OrdinalIgnoreCase) || l[4..].StartsWith("CHUNKING", StringComparison.OrdinalIgnoreCase))).ToList();
        }

        var text = string.Concat(lines.Select((l, i) => l[..3] + (i < lines.Count - 1 ? '-' : ' ') + l[Math.Min(4, l.Length)..] + "\r\n"));
        await client.WriteAsync(Encoding.ASCII.GetBytes(text), Stopping);
        return lines[^1];
    }
}
