using System.Net;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// Azurite stopped while `pulse host` is tallying, and started again (its data is on disk): the steps fail, retry
/// and go on; every answer is counted exactly once; answers submitted during the outage get a 503 page and are
/// accepted when sent again.
/// </summary>
[Collection(SharedServiceFaults.Name)]
public sealed class AzuriteRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AzuriteRestartedDuringIngest_StepsRetry_NothingIsLost_CountsAreExact()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 600, units: 20, seed: 81);
        var early = wave.Roster.Employees.Take(500).ToList();
        var late = wave.Roster.Employees.Skip(500).Take(10).ToList();
        var form = await pipeline.StartHttpHostAsync();
        await using var proxy = QueueLeaseProxy.Start(TimeSpan.FromSeconds(20));
        try
        {
            await wave.AnswerAllAsync(early, seed: 810);
            output.WriteLine($"{clock.Elapsed} answered");
            await using var host = await ChildHosts.StartAsync(pipeline, proxy);
            await Polling.UntilAsync(_ => wave.QueuedAsync(StorageNames.ResponsesQueue), n => n <= early.Count * 4 / 5, TimeSpan.FromMinutes(3), null, "a fifth of the responses to be tallied", CancellationToken.None);

            await LocalServices.StopAsync(LocalServices.Azurite);
            output.WriteLine($"{clock.Elapsed} stopped Azurite");
            var linesAtStop = host.Lines.Count;

            // Submissions while storage is down: a page saying so, with Retry-After; never a 500, nothing counted.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            foreach (var employee in late)
            {
                using var body = new StringContent(AnsweredWave.FormBody(AnsweredWave.RandomAnswers(new Random(1))), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
                using var refused = await http.PostAsync(new Uri($"{pipeline.BaseUrl}/survey/{wave.Token(employee)}"), body);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
            }

            // Keep storage down until the host has felt it: a failed step or poll, past the SDK's own retries.
            await Polling.UntilAsync(_ => Task.FromResult(host.Lines.Skip(linesAtStop).Count(IsStorageFailure)), n => n > 0, TimeSpan.FromMinutes(2), null, "the host to report a storage failure", CancellationToken.None);
            output.WriteLine(string.Join('\n', host.Lines.Skip(linesAtStop).Where(IsStorageFailure).Take(5)));
            await LocalServices.StartAsync(LocalServices.Azurite);
            output.WriteLine($"{clock.Elapsed} started Azurite");
            Assert.False(host.HasExited, $"the host died with storage:\n{host.Tail()}");

            var seed = 820;
            foreach (var employee in late)
            {
                Assert.Equal(HttpStatusCode.OK, await wave.PostAsync(http, employee, AnsweredWave.RandomAnswers(new Random(seed++))));
            }

            await wave.WaitUntilResponsesDrainedAsync(TimeSpan.FromMinutes(4));
            output.WriteLine($"{clock.Elapsed} drained");
            output.WriteLine(string.Join('\n', host.Lines.Where(l => l.StartsWith("crit", StringComparison.Ordinal) || l.StartsWith("The host", StringComparison.Ordinal))));
            Assert.False(host.HasExited, $"the host died:\n{host.Tail()}");
            await wave.AssertTalliesExactAsync();
            Assert.Equal(early.Count + late.Count, wave.Answered);
        }
        finally
        {
            await LocalServices.StartAsync(LocalServices.Azurite);
            await form.StopAsync();
            await form.DisposeAsync();
        }
    }

    /// <summary>A failed step or trigger, as the host's console log shows it.</summary>
    private static bool IsStorageFailure(string line) =>
        line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
}
