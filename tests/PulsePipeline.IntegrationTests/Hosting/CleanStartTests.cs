using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Hosting;

/// <summary>
/// `pulse host` on storage that has never seen its prefix starts without an error, a warning or a stack trace:
/// storage is ready before any trigger can run (StorageInitializer works in the hosts' StartingAsync). Its timers
/// run every second here, so a trigger that ran early would meet the missing tables.
/// </summary>
public sealed class CleanStartTests
{
    private static readonly string[] Trouble = ["fail:", "crit:", "warn:", "Exception", "   at "];

    [Fact]
    public async Task PulseHost_OnFreshStorage_LogsNoErrorWarningOrStackTrace_WhileItsTimersRun()
    {
        var prefix = TestSettings.NewPrefix();
        var environment = TestSettings.Create(prefix, "http://127.0.0.1:7071");
        environment["PULSE_CLOSE_SCHEDULE"] = "* * * * * *";
        environment["PULSE_REMINDER_SCHEDULE"] = "* * * * * *";
        // The local host keeps function start and end lines at Warning; these two are wanted here, as proof they ran.
        environment["Logging__LogLevel__Function.CloseWaves"] = "Information";
        environment["Logging__LogLevel__Function.SendReminders"] = "Information";
        try
        {
            await using var host = await PulseProcess.StartHostAsync($"http://127.0.0.1:{TestSettings.FreePort()}", environment);

            await Polling.UntilAsync(
                _ => Task.FromResult(host.Lines.Count(l => l.Contains("Executed 'CloseWaves' (Succeeded", StringComparison.Ordinal)) + host.Lines.Count(l => l.Contains("Executed 'SendReminders' (Succeeded", StringComparison.Ordinal))),
                ran => ran >= 6,
                TimeSpan.FromMinutes(2),
                null,
                "three runs of each timer",
                CancellationToken.None);

            var trouble = host.Lines.Where(l => Trouble.Any(t => l.Contains(t, StringComparison.Ordinal))).ToList();
            Assert.True(trouble.Count == 0, string.Join('\n', trouble));
            Assert.Contains(host.Lines, l => l.Contains($"Storage ready (prefix '{prefix}')", StringComparison.Ordinal));
        }
        finally
        {
            // What the host created, removed as every test's storage is.
            await using var cleanup = await TestPipeline.CreateAsync(s => s["PULSE_STORAGE_PREFIX"] = prefix);
        }
    }
}
