using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// `pulse poison` (the built CLI, as an operator runs it): a poisoned message is listed with its reason and age and
/// never its answers; requeued once its cause is fixed it is counted exactly once; discard removes exactly the one
/// named. And `pulse host` says so when messages wait in a -poison queue.
/// </summary>
public sealed class PoisonToolsTests
{
    private const string LateWave = "2027-05";

    [Fact]
    public async Task AResponsePoisonedForACauseSinceFixed_IsListedWithoutAnswers_ThenRequeuedAndCountedExactlyOnce()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 24, units: 8, seed: 5);
        var unit = roster.Employees[0].Unit;
        await using var host = await pipeline.StartHostAsync();
        var response = Responses.Uniform(LateWave, unit, 4);
        await pipeline.Storage.Queue(StorageNames.ResponsesQueue).SendMessageAsync(Responses.Json(response));
        await Polling.UntilAsync(_ => CountAsync(pipeline, StorageNames.ResponsesQueue), n => n == 1, TimeSpan.FromMinutes(1), null, "the response in responses-poison", CancellationToken.None);

        var listed = await RunAsync(pipeline, 0, "poison", "list", "--queue", StorageNames.ResponsesQueue);
        Assert.Contains("responses-poison: 1 message(s)", listed, StringComparison.Ordinal);
        Assert.Contains("reason:  the response names a wave that does not exist", listed, StringComparison.Ordinal);
        Assert.Matches(@"poisoned \d+ (s|min) ago \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\) after 1 delivery", listed);
        Assert.Contains($"wave {LateWave}, unit {unit}, answers not shown", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(response.TokenHash, listed, StringComparison.Ordinal);
        Assert.All(Instruments.Current.Items, item => Assert.DoesNotContain($"\"{item.Id}\"", listed, StringComparison.Ordinal));

        // The cause goes away: the wave the response belongs to now exists (say, restored from a backup).
        await pipeline.Get<OpenWaveStep>().OpenAsync(LateWave, CancellationToken.None);
        Assert.Contains("1 message(s) requeued.", await RunAsync(pipeline, 0, "poison", "requeue", "--queue", StorageNames.ResponsesQueue, "--all"), StringComparison.Ordinal);

        var tally = await Polling.UntilAsync(_ => TallyAsync(pipeline, unit), n => n > 0, TimeSpan.FromMinutes(1), null, "the requeued response tallied", CancellationToken.None);
        await Polling.UntilAsync(_ => QueuedAsync(pipeline, StorageNames.ResponsesQueue), n => n == 0, TimeSpan.FromMinutes(1), null, "the responses queue drained", CancellationToken.None);
        Assert.Equal(1, tally);
        Assert.Equal(0, await CountAsync(pipeline, StorageNames.ResponsesQueue));
        Assert.Contains("0 message(s) requeued.", await RunAsync(pipeline, 0, "poison", "requeue", "--all"), StringComparison.Ordinal);
        Assert.Equal(1, await TallyAsync(pipeline, unit));
        await host.StopAsync();
    }

    [Fact]
    public async Task Discard_RemovesOnlyTheNamedMessage_AndWhatTheHostPoisonedIsListedToo()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var poison = pipeline.Get<PoisonQueues>();
        await poison.MoveAsync(StorageNames.InvitationsQueue, "this is not json", "not a valid InvitationBatch: 'h' is an invalid start of a value.", 1, CancellationToken.None);
        await poison.MoveAsync(StorageNames.InvitationsQueue, QueueMessages.Serialize(new WaveMessage("2027-02")), "a second one", 1, CancellationToken.None);
        // What the host itself moves after its last delivery: the bare message, no reason attached.
        await pipeline.Storage.PoisonQueue(StorageNames.PublishQueue).SendMessageAsync(QueueMessages.Serialize(new WaveMessage("2027-01", Attempt: 3)));

        var listed = await RunAsync(pipeline, 0, "poison", "list");
        Assert.Contains("invitations-poison: 2 message(s)", listed, StringComparison.Ordinal);
        Assert.Contains("not JSON (16 characters, not shown)", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("this is not json", listed, StringComparison.Ordinal);
        Assert.Contains("publish-poison: 1 message(s)", listed, StringComparison.Ordinal);
        Assert.Contains($"reason:  {PoisonQueues.HostPoisoned}", listed, StringComparison.Ordinal);
        Assert.Contains("message: wave 2027-01, attempt 3", listed, StringComparison.Ordinal);

        var first = (await poison.ListAsync(StorageNames.InvitationsQueue, CancellationToken.None)).Single(m => m.Reason.StartsWith("not a valid", StringComparison.Ordinal));
        Assert.Contains("1 message(s) discarded.", await RunAsync(pipeline, 0, "poison", "discard", "--queue", StorageNames.InvitationsQueue, "--id", first.Id), StringComparison.Ordinal);
        await RunAsync(pipeline, 2, "poison", "discard", "--id", first.Id);
        await RunAsync(pipeline, 2, "poison", "discard", "--queue", StorageNames.InvitationsQueue);

        var left = await poison.ListAsync(StorageNames.InvitationsQueue, CancellationToken.None);
        Assert.Equal(["a second one"], left.Select(m => m.Reason));
        Assert.Single(await poison.ListAsync(StorageNames.PublishQueue, CancellationToken.None));
    }

    [Fact]
    public async Task PulseHost_LogsAnError_ForMessagesWaitingInAPoisonQueueWhenItStarts()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.Get<PoisonQueues>().MoveAsync(StorageNames.DetectQueue, QueueMessages.Serialize(new WaveMessage("2027-01")), "poisoned while no host ran", 5, CancellationToken.None);
        var log = new CapturingLoggerProvider();

        await using var host = LocalPipelineHost.Create(pipeline.Settings, pipeline.BaseUrl, LogLevel.Warning, b => b.AddProvider(log), triggers: []);
        await host.StartAsync();

        var lines = await Polling.UntilAsync(
            _ => Task.FromResult(log.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains($"wait in {pipeline.Prefix}detect-poison", StringComparison.Ordinal)).ToList()),
            found => found.Count > 0,
            TimeSpan.FromMinutes(1),
            null,
            "the poison watch's error line",
            CancellationToken.None);
        Assert.Contains("pulse poison list --queue detect", lines[0], StringComparison.Ordinal);
        await host.StopAsync();
    }

    /// <summary>Runs the built CLI against the test's storage and returns what it printed; fails on another exit code.</summary>
    private static async Task<string> RunAsync(TestPipeline pipeline, int exitCode, params string[] arguments)
    {
        await using var cli = PulseProcess.Start(arguments, pipeline.Settings.Overrides);
        var exited = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));
        var output = string.Join('\n', cli.Lines);
        Assert.True(exited == exitCode, $"pulse {string.Join(' ', arguments)} exited {exited}:\n{output}");
        return output;
    }

    private static async Task<int> CountAsync(TestPipeline pipeline, string queue) =>
        (await pipeline.Storage.PoisonQueue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task<int> QueuedAsync(TestPipeline pipeline, string queue) =>
        (await pipeline.Storage.Queue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    private static async Task<long> TallyAsync(TestPipeline pipeline, string unit)
    {
        var row = await (await pipeline.WaveTableAsync(LateWave)).GetEntityIfExistsAsync<TallyEntity>(TallyEntity.Partition(unit), TallyEntity.Row);
        return row.HasValue ? row.Value!.N : 0;
    }
}
