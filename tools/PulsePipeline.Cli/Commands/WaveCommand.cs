using System.CommandLine;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse wave open [--id ID]`: what the StartWaves timer does, on demand.</summary>
internal static class WaveCommand
{
    public static Command Create()
    {
        var id = new Option<string?>("--id") { Description = "Wave id (sortable text, e.g. 2027-03); default: today's UTC date, as the timer uses." };
        var open = new Command("open", "Open a wave now: tokens for every employee on the roster and their invitations enqueued.") { id };
        open.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            var waveId = result.GetValue(id) ?? WaveIds.ForSchedule(DateTimeOffset.UtcNow);
            if (!WaveIds.IsValid(waveId))
            {
                await Console.Error.WriteLineAsync($"'{waveId}' is not a valid wave id: 1–32 letters, digits, '.', '_' or '-', starting with a letter or digit.");
                return CommandErrors.UserError;
            }

            using var host = await PipelineRuntime.StartAsync(SettingsLayers.FromSettingsFile(), ct);
            var wave = await host.Get<OpenWaveStep>().OpenAsync(waveId, ct);
            if (wave is null)
            {
                await Console.Error.WriteLineAsync("No roster has been imported yet: run `pulse roster import` first.");
                return CommandErrors.UserError;
            }

            Console.WriteLine($"Wave {wave.RowKey} is {wave.State}: {wave.Invited} employees invited; closes {wave.ClosesAt:u}. `pulse host` sends the invitations.");
            await host.StopAsync(ct);
            return 0;
        }));

        var closeId = new Option<string>("--id") { Description = "The wave to close now.", Required = true };
        var close = new Command("close", "Close an open wave now (as if its time were up) and queue its publication; `pulse host` publishes it.") { closeId };
        close.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            using var host = await PipelineRuntime.StartAsync(SettingsLayers.FromSettingsFile(), ct);
            var wave = await host.Get<WaveStore>().EndEarlyAsync(result.GetValue(closeId)!, DateTimeOffset.UtcNow, ct);
            if (wave is null)
            {
                await Console.Error.WriteLineAsync($"There is no wave '{result.GetValue(closeId)}'.");
                return CommandErrors.UserError;
            }

            var closed = await host.Get<CloseWavesStep>().RunAsync(ct);
            Console.WriteLine(closed.Contains(wave.RowKey) ? $"Wave {wave.RowKey} closed; publication queued." : $"Wave {wave.RowKey} is {wave.State}; nothing to close.");
            await host.StopAsync(ct);
            return 0;
        }));

        return new Command("wave", "Manage survey waves.") { open, close };
    }
}
