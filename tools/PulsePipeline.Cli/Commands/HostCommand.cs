using System.CommandLine;
using Microsoft.Extensions.Hosting;
using PulsePipeline.Cli.Hosting;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse host`: run the pipeline locally until Ctrl+C.</summary>
internal static class HostCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Where the HTTP routes listen.", DefaultValueFactory = _ => LocalUrl() };
        var command = new Command("host", "Run every step locally under the WebJobs SDK on Azurite, with the HTTP routes on Kestrel.") { url };
        command.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            await using var app = LocalHost.Create(SettingsLayers.FromSettingsFile(), result.GetValue(url)!);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }

    /// <summary>The port ./pulse chose for this checkout (PULSE_HTTP_PORT), so survey links and the listener agree.</summary>
    public static string LocalUrl() =>
        "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("PULSE_HTTP_PORT") is { Length: > 0 } port ? port : "7071");
}
