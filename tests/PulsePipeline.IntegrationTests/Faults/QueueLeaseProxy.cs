using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage;
using Azure.Storage.Sas;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// A loopback HTTP relay in front of Azurite's queue endpoint, for hosts a fault test kills or cuts off. The WebJobs
/// SDK receives every message with a fixed ten-minute lease (its QueueListener hard-codes it and renews it while the
/// function runs), so a message held by a host that dies, or whose release fails while storage is down, comes back
/// only ten minutes later, in Azure as here. This relay shortens that one lease, on receive requests only, so the
/// tests see the redelivery in seconds. Because the rewritten query breaks the SharedKey signature, it re-authorises
/// each request with an account SAS. Everything else passes through unchanged.
/// </summary>
internal sealed partial class QueueLeaseProxy : LoopbackRelay
{
    private readonly StorageConnection upstream;
    private readonly string sas;
    private readonly int leaseSeconds;

    private QueueLeaseProxy(StorageConnection upstream, TimeSpan lease)
    {
        this.upstream = upstream;
        leaseSeconds = (int)lease.TotalSeconds;
        sas = new AccountSasBuilder(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(6), AccountSasServices.Queues, AccountSasResourceTypes.All)
            .ToSasQueryParameters(new StorageSharedKeyCredential(upstream.AccountName, upstream.AccountKey))
            .ToString();
        StartAccepting();
    }

    /// <summary>The connection string of a host that reaches queues through this relay (blobs and tables directly).</summary>
    public string ConnectionString => (upstream with { QueueEndpoint = new Uri($"http://127.0.0.1:{Port}{upstream.QueueEndpoint.AbsolutePath}") }).ToString();

    public static QueueLeaseProxy Start(TimeSpan lease) => new(StorageConnection.FromEnvironment(), lease);

    protected override async Task RelayAsync(Socket client)
    {
        using var clientSocket = client;
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            // Storage down: the host sees the connection close, as it would see a refused one.
            await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, upstream.QueueEndpoint.Port), Stopping);
            await using var fromClient = new NetworkStream(client, ownsSocket: false);
            await using var toServer = new NetworkStream(server, ownsSocket: false);
            var responses = toServer.CopyToAsync(fromClient, Stopping);
            var requests = ForwardRequestsAsync(fromClient, toServer);
            await Task.WhenAny(requests, responses);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side went away; closing both ends tells the other.
        }
    }

    private async Task ForwardRequestsAsync(Stream client, Stream server)
    {
        var reader = new HeadReader(client);
        while (await reader.ReadHeadAsync(Stopping) is { } head)
        {
            var lines = head.Split("\r\n").ToList();
            var requestLine = lines[0].Split(' ');
            requestLine[1] = Rewrite(requestLine[0], requestLine[1]);
            lines[0] = string.Join(' ', requestLine);
            lines.RemoveAll(l => l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase));
            var length = lines.Select(l => ContentLength().Match(l)).FirstOrDefault(m => m.Success) is { } m ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            if (lines.Any(l => l.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase)))
            {
                throw new IOException("chunked requests are not relayed; the storage SDK does not send them");
            }

            await server.WriteAsync(Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n"), Stopping);
            await reader.CopyBodyAsync(server, length, Stopping);
        }
    }

    /// <summary>Adds the SAS; on a receive (GET …/messages, not a peek) shortens the lease the SDK asks for.</summary>
    private string Rewrite(string method, string target)
    {
        if (method == "GET" && target.Split('?')[0].EndsWith("/messages", StringComparison.Ordinal) && !target.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
        {
            target = VisibilityTimeout().Replace(target, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > leaseSeconds ? $"visibilitytimeout={leaseSeconds}" : m.Value);
        }

        return target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + sas;
    }

    [GeneratedRegex(@"visibilitytimeout=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex VisibilityTimeout();

    [GeneratedRegex(@"^Content-Length:\s*(\d+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ContentLength();

    /// <summary>Reads HTTP/1.1 request heads and the bodies after them from one connection.</summary>
    private sealed class HeadReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var at = buffer.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8);
                if (at >= 0)
                {
                    var head = Encoding.Latin1.GetString(buffer, start, at);
                    start += at + 4;
                    return head;
                }

                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }
        }

        public async Task CopyBodyAsync(Stream destination, long length, CancellationToken cancellationToken)
        {
            while (length > 0)
            {
                if (start == end && !await FillAsync(cancellationToken))
                {
                    throw new IOException("the request body ended early");
                }

                var take = (int)Math.Min(length, end - start);
                await destination.WriteAsync(buffer.AsMemory(start, take), cancellationToken);
                start += take;
                length -= take;
            }
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                throw new IOException("a request head larger than the relay's buffer");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            end += read;
            return read > 0;
        }
    }
}
