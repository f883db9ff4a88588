using System.Globalization;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Bench;

/// <summary>
/// The effects and workspace benches, run tiny as `pulse` child processes against the test services, so the commands
/// cannot rot: each must exit 0 and print its ratio lines. A bench empties its smtp4dev mailbox before and after, so
/// these run with the tests that must run alone.
/// </summary>
[Collection(SharedServiceFaults.Name)]
public sealed class BenchCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BenchEffects_RunTiny_ExitsZero_AndPrintsEveryRatio()
    {
        var lines = await RunAsync(["bench", "effects", "--units", "100", "--waves", "8", "--interventions", "30", "--plans", "2", "--plan-members", "10", "--rounds", "1"]);

        Assert.Contains(lines, l => l.TrimStart().StartsWith("estimator vs the raw reads: median", StringComparison.Ordinal) && l.Contains('×'));
        Assert.Contains(lines, l => l.Contains("plan estimator vs the raw reads: median", StringComparison.Ordinal) && l.Contains("(target ≤ 2×:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("EstimateEffects step vs the raw reads: median", StringComparison.Ordinal) && l.Contains('×'));
        Assert.Contains(lines, l => l.Contains("50 interventions (20 of them in 2 plans);", StringComparison.Ordinal) && l.Contains("effect rows stored", StringComparison.Ordinal) && l.Contains("4 plan effects stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BenchWorkspace_RunTiny_ExitsZero_AndPrintsEveryPagesRatio()
    {
        var lines = await RunAsync(["bench", "workspace", "--units", "100", "--waves", "8", "--interventions", "20", "--n", "1"]);

        foreach (var page in new[] { "overview", "heatmap", "unit", "interventions", "effects", "report", "audit" })
        {
            Assert.Contains(lines, l => l.TrimStart().StartsWith(page + " ", StringComparison.Ordinal) && l.Contains("p95 ratio", StringComparison.Ordinal) && l.Contains("bytes", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.TrimStart().StartsWith("catalogue ", StringComparison.Ordinal) && l.Contains("n/a", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("workspace pages vs their raw reads:", StringComparison.Ordinal));
    }

    private async Task<List<string>> RunAsync(string[] arguments)
    {
        var port = TestSettings.FreePort();
        var environment = TestSettings.Create("unused", $"http://127.0.0.1:{port}");
        environment["PULSE_HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        await using var bench = PulseProcess.Start(arguments, environment);
        var exit = await bench.WaitForExitAsync(TimeSpan.FromMinutes(10));
        var lines = bench.Lines.ToList();
        output.WriteLine(string.Join('\n', lines));
        Assert.True(exit == 0, bench.Tail());
        Assert.Contains(lines, l => l.Contains("cleaned up: storage prefix", StringComparison.Ordinal));
        return lines;
    }
}
