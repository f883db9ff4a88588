using System.Net;
using System.Net.Sockets;

namespace PulsePipeline.TestSupport;

/// <summary>
/// What the test relays share: a listener on a free loopback port that hands every connection to
/// <see cref="RelayAsync"/> until the relay is disposed.
/// </summary>
public abstract class LoopbackRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private Task accepting = Task.CompletedTask;

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Cancelled when the relay is disposed; every relayed connection ends with it.</summary>
    protected CancellationToken Stopping => stopping.Token;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called by the derived constructor once its own fields are set, so no connection sees them unset.</summary>
    protected void StartAccepting()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Serves one accepted connection; the relay owns nothing of it afterwards.</summary>
    protected abstract Task RelayAsync(Socket client);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }
}
