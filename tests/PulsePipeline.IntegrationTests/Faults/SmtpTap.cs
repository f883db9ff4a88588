using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// A loopback relay in front of smtp4dev that records, for every email smtp4dev accepted (250 after the data), its
/// recipients: the ground truth of what was sent, which smtp4dev itself forgets when it is stopped (its store is in
/// memory). It relays command by command and hides PIPELINING and CHUNKING from the client, so every reply can be
/// matched with its command. When smtp4dev is down, a connection is accepted and closed at once.
/// </summary>
internal sealed class SmtpTap : LoopbackRelay
{
    private readonly int upstreamPort;
    private readonly ConcurrentQueue<string> accepted = new();
    private int refused;

    private SmtpTap(int upstreamPort)
    {
        this.upstreamPort = upstreamPort;
        StartAccepting();
    }

    /// <summary>One recipient address per email smtp4dev accepted, in order.</summary>
    public IReadOnlyList<string> Accepted => accepted.ToList();

    /// <summary>Connections that found smtp4dev down.</summary>
    public int Refused => Volatile.Read(ref refused);

    public static SmtpTap Start() =>
        new(int.Parse(Environment.GetEnvironmentVariable("PULSE_SMTP_PORT") ?? "2525", System.Globalization.CultureInfo.InvariantCulture));

    protected override async Task RelayAsync(Socket clientSocket)
    {
        using var client = clientSocket;
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
            var clientLines = new LineReader(fromClient);
            var serverLines = new LineReader(fromServer);
            await RelayReplyAsync(serverLines, fromClient, isEhlo: false);
            var recipients = new List<string>();
            while (await clientLines.ReadLineAsync(Stopping) is { } command)
            {
                await fromServer.WriteAsync(command, Stopping);
                var verb = Encoding.ASCII.GetString(command).Split(' ', 2)[0].Trim().ToUpperInvariant();
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
                        foreach (var recipient in recipients)
                        {
                            accepted.Enqueue(recipient);
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

    /// <summary>Relays one complete (possibly multi-line) reply and returns its code and text.</summary>
    private async Task<string> RelayReplyAsync(LineReader server, Stream client, bool isEhlo)
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

    /// <summary>Reads CRLF-terminated lines as bytes (message bodies may hold any octets).</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var at = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (at >= 0)
                {
                    var line = buffer.AsSpan(start, at + 1).ToArray();
                    start += at + 1;
                    return line;
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    throw new IOException("an SMTP line longer than the tap's buffer");
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                end += read;
            }
        }
    }
}
