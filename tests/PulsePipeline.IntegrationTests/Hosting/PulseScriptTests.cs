using System.Diagnostics;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Hosting;

/// <summary>
/// `./pulse` starts Azurite and smtp4dev only for the commands that use them: asking for help anywhere on the line,
/// or an unknown command, starts nothing. Each case runs the real script with a services directory and ports of
/// its own, so a service it wrongly started would leave its PID file there.
/// </summary>
public sealed class PulseScriptTests
{
    [Theory]
    [InlineData(0, "--help")]
    [InlineData(0, "roster", "import", "--help")]
    [InlineData(0, "wave", "open", "-h")]
    [InlineData(0, "host", "-?")]
    [InlineData(0, "demo", "--help")]
    [InlineData(0, "bench", "wave", "--help")]
    [InlineData(0, "bench", "effects", "--help")]
    [InlineData(0, "bench", "workspace", "-h")]
    [InlineData(0, "poison", "list", "--help")]
    [InlineData(0, "services", "--help")]
    [InlineData(1, "frobnicate")]
    [InlineData(1, "frobnicate", "--verbose")]
    public async Task HelpAndUnknownCommands_StartNoServices(int exitCode, params string[] arguments)
    {
        var services = Directory.CreateTempSubdirectory("pulse-script-");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "pulse"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PULSE_SERVICES_DIR"] = services.FullName;
        foreach (var port in new[] { "PULSE_BLOB_PORT", "PULSE_QUEUE_PORT", "PULSE_TABLE_PORT", "PULSE_SMTP_PORT", "PULSE_SMTP4DEV_HTTP_PORT", "PULSE_HTTP_PORT" })
        {
            info.Environment[port] = TestSettings.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(deadline.Token);
            var said = await output + await error;

            Assert.True(exitCode == 0 ? process.ExitCode == 0 : process.ExitCode != 0, $"exit {process.ExitCode}:\n{said}");
            Assert.Contains(exitCode == 0 ? "sage" : arguments[0], said, StringComparison.Ordinal);
            Assert.Empty(services.EnumerateFiles("*.pid"));
        }
        finally
        {
            if (services.EnumerateFiles("*.pid").Any())
            {
                // Whatever it wrongly started is stopped again, by the PID files it wrote.
                var stop = new ProcessStartInfo("bash") { UseShellExecute = false };
                stop.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "services.sh"));
                stop.ArgumentList.Add("stop");
                stop.Environment["PULSE_SERVICES_DIR"] = services.FullName;
                using var stopping = Process.Start(stop)!;
                await stopping.WaitForExitAsync();
            }

            services.Delete(recursive: true);
        }
    }
}
