using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PulsePipeline.LocalHost;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse host`: run the pipeline locally until Ctrl+C.</summary>
internal static class HostCommand
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Where the HTTP routes listen.", DefaultValueFactory = _ => LocalPipelineHost.LocalUrl() };
        var command = new Command("host", "Run every step locally under the WebJobs SDK on Azurite, with the HTTP routes on Kestrel.") { url };
        command.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            // The first start fails with a clear message when storage is down. After a trigger failure (storage went
            // away under a running host, see StopOnTriggerFailure) the host is started again until storage answers.
            LocalListener.EnsurePortFree(result.GetValue(url)!);
            var restarting = false;
            while (!ct.IsCancellationRequested && await RunAsync(LocalPipelineHost.Create(SettingsLayers.FromSettingsFile(), result.GetValue(url)!), restarting, ct))
            {
                restarting = true;
            }

            return 0;
        }));
        return command;
    }

    /// <summary>Runs one host until it stops; true when it should be started again (a trigger failed, or a restart could not start yet).</summary>
    private static async Task<bool> RunAsync(WebApplication app, bool restarting, CancellationToken cancellationToken)
    {
        var failure = app.Services.GetRequiredService<StopOnTriggerFailure>();
        try
        {
            try
            {
                await app.StartListeningAsync(cancellationToken);
            }
            catch (Exception e) when (restarting && !cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"The host could not start yet ({e.GetType().Name}); trying again in {RestartDelay.TotalSeconds:0} s.");
                await Task.WhenAny(Task.Delay(RestartDelay, cancellationToken));
                return true;
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }
        catch (Exception e) when (failure.Failure is not null)
        {
            // Listeners whose loop already died cannot stop cleanly; the host is down either way.
            await Console.Error.WriteLineAsync($"Stopping after the failure: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            try
            {
                await app.DisposeAsync();
            }
            catch (Exception e) when (failure.Failure is not null || restarting)
            {
                await Console.Error.WriteLineAsync($"Disposing the stopped host: {e.GetType().Name}: {e.Message}");
            }
        }

        if (failure.Failure is null)
        {
            return false;
        }

        await Console.Error.WriteLineAsync("The host stopped after a trigger failed; it starts again as soon as storage answers.");
        return true;
    }
}
