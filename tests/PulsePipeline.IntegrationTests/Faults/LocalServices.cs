using System.Diagnostics;
using System.Net.Sockets;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// Stops and starts exactly one of the services ./test.sh started (scripts/services.sh stop|start azurite|smtp4dev,
/// with the ports and state directory it exported). Azurite keeps its data on disk across the restart; smtp4dev's
/// mailbox is in memory and starts empty. Tests that use this must be in <see cref="SharedServiceFaults"/>.
/// </summary>
internal static class LocalServices
{
    public const string Azurite = "azurite";
    public const string Smtp4dev = "smtp4dev";

    public static Task StopAsync(string service) => RunAsync("stop", service);

    /// <summary>Starts the service and waits until it answers; does nothing when it is already running.</summary>
    public static Task StartAsync(string service) => RunAsync("start", service);

    /// <summary>Whether something listens on the service's main port (Azurite's queues, smtp4dev's SMTP).</summary>
    public static bool IsListening(string service)
    {
        var port = Environment.GetEnvironmentVariable(service == Azurite ? "PULSE_QUEUE_PORT" : "PULSE_SMTP_PORT");
        try
        {
            using var socket = new TcpClient();
            socket.Connect("127.0.0.1", int.Parse(port!, System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string action, string service)
    {
        if (Environment.GetEnvironmentVariable("PULSE_SERVICES_DIR") is not { Length: > 0 })
        {
            throw new InvalidOperationException("Service fault tests stop and start the services ./test.sh started; run them through ./test.sh.");
        }

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "services.sh"));
        info.ArgumentList.Add(action);
        info.ArgumentList.Add(service);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"services.sh {action} {service} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
