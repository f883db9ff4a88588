using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;

namespace PulsePipeline.LocalHost;

/// <summary>Where the local host listens, checked before any work is done and again when Kestrel binds.</summary>
public static class LocalListener
{
    /// <summary>Fails now, rather than after minutes of seeding, when the port of <paramref name="url"/> is taken.</summary>
    /// <exception cref="PortInUseException">Something listens on that port.</exception>
    public static void EnsurePortFree(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return; // Kestrel words a malformed URL itself
        }

        var address = IPAddress.TryParse(uri.Host, out var ip) ? ip : IPAddress.Loopback;
        using var probe = new TcpListener(address, uri.Port);
        try
        {
            probe.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw PortInUseException.For(url, e);
        }
        finally
        {
            probe.Stop();
        }
    }

    /// <summary>Starts the host; a port taken in the meantime is a <see cref="PortInUseException"/> too.</summary>
    public static async Task StartListeningAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // The URL as configured: app.Urls only lists addresses once they are bound.
            throw PortInUseException.For(app.Configuration[WebHostDefaults.ServerUrlsKey] ?? string.Join(", ", app.Urls), e);
        }
    }
}
