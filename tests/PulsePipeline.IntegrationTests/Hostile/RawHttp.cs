using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// HTTP/1.1 requests written byte by byte over a socket, for what HttpClient refuses or repairs: dot segments, raw
/// non-ASCII and control bytes in the target, invented methods, bodies shorter than their Content-Length.
/// </summary>
internal static class RawHttp
{
    /// <summary>
    /// One request on its own connection (Connection: close); returns the status code of the answer, or 0 when the
    /// server closed the connection without one. With <paramref name="truncateAt"/> only that many body bytes are
    /// sent before the sending side is closed, whatever Content-Length says; with <paramref name="stallAfterBody"/>
    /// the connection stays open after the body, however much Content-Length promised, until the server answers. With
    /// <paramref name="trickle"/> the body goes one byte per that interval until the server answers. The Host header
    /// names the host and port connected to, unless <paramref name="host"/> names another.
    /// </summary>
    public static async Task<int> SendAsync(int port, string method, string target, IReadOnlyList<(string Name, string Value)> headers, byte[] body, int? truncateAt = null, bool stallAfterBody = false, string? host = null, TimeSpan? trickle = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\nHost: ").Append(host ?? $"127.0.0.1:{port}").Append("\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("\r\n");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Read while writing: a server that answers early (413) and closes must not have its answer lost to a reset.
        var response = new MemoryStream();
        var reading = ReadAllAsync(stream, response, timeout.Token);
        try
        {
            // Latin-1 writes every char below 256 as that byte, so targets can carry raw bytes such as 0xC3.
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), timeout.Token);
            if (trickle is { } interval)
            {
                // The slow sender under test: a byte at a time, far below any server's minimum data rate.
                for (var i = 0; i < body.Length && !reading.IsCompleted; i++)
                {
                    await stream.WriteAsync(body.AsMemory(i, 1), timeout.Token);
                    await Task.Delay(interval, timeout.Token);
                }
            }
            else
            {
                await stream.WriteAsync(body.AsMemory(0, truncateAt ?? body.Length), timeout.Token);
            }

            if (truncateAt is not null && !stallAfterBody)
            {
                client.Client.Shutdown(SocketShutdown.Send);
            }
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything (a 413, a 431): read what it said.
        }

        await reading;
        var text = Encoding.Latin1.GetString(response.ToArray());
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
        {
            // Closed without any answer (Kestrel drops some malformed connections): no status at all.
            return 0;
        }

        return int.Parse(text.AsSpan(9, 3), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Exactly <paramref name="request"/> on its own connection (written as Latin-1 bytes, nothing added; it must end
    /// the connection itself, with Connection: close or by being refused), and the status and headers of the first
    /// response, or status 0 and no headers when the server closed without one.
    /// </summary>
    public static async Task<(int Status, IReadOnlyDictionary<string, string> Headers)> ExchangeAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = new MemoryStream();
        var reading = ReadAllAsync(stream, response, timeout.Token);
        try
        {
            // The sending side stays open: Kestrel drops a connection whose client half-closed before its answer.
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request), timeout.Token);
        }
        catch (IOException)
        {
            // Answered and closed before everything was written (a 431, a 414): read what it said.
        }

        await reading;
        var text = Encoding.Latin1.GetString(response.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || end < 0)
        {
            return (0, new Dictionary<string, string>());
        }

        var lines = text[..end].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
        return (int.Parse(lines[0].AsSpan(9, 3), CultureInfo.InvariantCulture), headers);
    }

    private static async Task ReadAllAsync(Stream stream, MemoryStream into, CancellationToken cancellationToken)
    {
        try
        {
            await stream.CopyToAsync(into, cancellationToken);
        }
        catch (IOException)
        {
            // A reset after the answer was written.
        }
    }
}
