using System.Collections.Concurrent;
using System.Diagnostics;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// The built `pulse` CLI (pulse.dll beside the tests, the same build ./pulse runs) as a child process, with the
/// settings it gets from the environment and every line it prints kept. <see cref="Kill"/> is SIGKILL: no
/// shutdown, no flush, exactly what a crash or an out-of-memory kill does to a host.
/// </summary>
internal sealed class PulseProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private PulseProcess(Process process) => this.process = process;

    /// <summary>Every line printed so far, stdout and stderr interleaved as received.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    /// <param name="arguments">The command line after `pulse`.</param>
    /// <param name="environment">Settings as environment variables; they override the inherited ones.</param>
    /// <param name="interruptible">
    /// Start it with SIGINT at its default, as a shell does for a command in the foreground. A process started from a
    /// background job inherits SIGINT ignored, and .NET then leaves it ignored, so Ctrl+C could not be tested.
    /// </param>
    public static PulseProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, bool interruptible = false)
    {
        var info = new ProcessStartInfo(interruptible ? "env" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (interruptible)
        {
            // GNU env resets the disposition and then execs dotnet, so the process id stays the same.
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pulse.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // No local.settings.json: the child sees exactly the settings the test gives it.
        info.Environment["PULSE_SETTINGS_FILE"] = Path.Combine(Path.GetTempPath(), $"pulse-no-settings-{Guid.NewGuid():N}.json");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new PulseProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>`pulse host` on <paramref name="url"/>, waiting until it answers /healthz.</summary>
    public static async Task<PulseProcess> StartHostAsync(string url, IReadOnlyDictionary<string, string?> environment)
    {
        var host = Start(["host", "--url", url], environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"pulse host exited with {host.process.ExitCode}:\n{host.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"{url}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                await host.DisposeAsync();
                throw new TimeoutException($"pulse host did not answer on {url} within 90 s:\n{host.Tail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"pulse {string.Join(' ', process.StartInfo.ArgumentList.SkipWhile(a => !a.EndsWith("pulse.dll", StringComparison.Ordinal)).Skip(1))} did not finish within {deadline.TotalSeconds:0} s:\n{Tail()}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return process.ExitCode;
    }

    /// <summary>The last lines printed, without stack frames, for failure messages.</summary>
    public string Tail(int count = 40) =>
        (process.HasExited ? $"(exited with {process.ExitCode})\n" : "")
        + string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(count).Select(l => l.Length > 500 ? l[..500] + "…" : l));

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("PULSE_TEST_CHILD_LOG") is { Length: > 0 } dump)
        {
            await File.AppendAllLinesAsync(dump, lines);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
