using System.Text.RegularExpressions;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// Messages that can never succeed, on every queue, among a wave in full flow: each ends in its queue's -poison
/// queue with its reason, in the log and with the message (at once when it is malformed, on the last of the host's
/// five deliveries when it fails otherwise), while invitations go out and answers are counted as if nothing happened.
/// </summary>
public sealed class PoisonTests
{
    [Fact]
    public async Task HopelessMessages_EndInThePoisonQueuesWithTheirReasonLogged_WhileTheWaveFlows()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 120, units: 8, seed: 101, invite: true);
        var log = new CapturingLoggerProvider();
        await using var host = LocalPipelineHost.Create(pipeline.Settings, pipeline.BaseUrl, LogLevel.Warning, b => b.AddProvider(log));
        await host.StartAsync();

        // A closed wave whose instrument this build does not know: publishing it throws on every attempt.
        await pipeline.Storage.Waves.AddEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = "2027-01", State = WaveStates.Closed, InstrumentVersion = "integrity-pulse-v0" });
        var open = QueueMessages.Serialize(new WaveMessage(AnsweredWave.WaveId));
        (string Queue, string Message, string Reason)[] hopeless =
        [
            (StorageNames.InvitationsQueue, "this is not json", "not a valid InvitationBatch"),
            (StorageNames.ResponsesQueue, Responses.Json(Responses.Uniform("1999-01", "a", 3)), "the response names a wave that does not exist"),
            (StorageNames.ResponsesQueue, Responses.Json(Responses.Uniform(AnsweredWave.WaveId, "a", 3) with { InstrumentVersion = "integrity-pulse-v0" }), "instrumentVersion is unknown"),
            (StorageNames.PublishQueue, open, "is still open"),
            (StorageNames.DetectQueue, open, "detection runs only on a published wave"),
            (StorageNames.EffectsQueue, open, "effects are estimated only for a published wave"),
            (StorageNames.AlertsQueue, open, "alerts are sent only for a published wave"),
            (StorageNames.PublishQueue, QueueMessages.Serialize(new WaveMessage("2027-01")), "unknown instrument version"),
        ];
        foreach (var (queue, message, _) in hopeless)
        {
            await pipeline.Storage.Queue(queue).SendMessageAsync(message);
        }

        // Meanwhile the wave goes on: everyone answers through the form.
        await wave.AnswerAllAsync(wave.Roster.Employees, seed: 1010);

        foreach (var group in hopeless.GroupBy(h => h.Queue))
        {
            var poisoned = await Polling.UntilAsync(_ => PeekAsync(pipeline, group.Key), p => p.Count >= group.Count(), TimeSpan.FromMinutes(2), null, $"{group.Count()} message(s) in {group.Key}-poison", CancellationToken.None);
            // Each is the original message in an envelope with its reason. A publication that waited for answers still
            // queued comes back as a new message with its attempt counted.
            var envelopes = poisoned.Select(PoisonEnvelope.TryParse).ToList();
            Assert.All(envelopes, e => Assert.False(string.IsNullOrEmpty(e?.Reason)));
            Assert.Equal(group.Select(h => WithoutAttempt(h.Message)).Order(StringComparer.Ordinal), envelopes.Select(e => WithoutAttempt(e!.Message)).Order(StringComparer.Ordinal));
        }

        await wave.WaitUntilResponsesDrainedAsync(TimeSpan.FromMinutes(2));
        await wave.AssertTalliesExactAsync(poisoned: hopeless.Count(h => h.Queue == StorageNames.ResponsesQueue));
        var mails = await pipeline.WaitForMailsAsync(wave.Roster.Employees.Count);
        Assert.Equal(wave.Roster.Employees.Count, mails.Select(m => m.To[0]).Distinct().Count());
        Assert.Equal(wave.Roster.Employees.Count, wave.Answered);

        var lines = log.Lines.ToList();
        foreach (var (queue, _, reason) in hopeless)
        {
            Assert.Contains(lines, l => l.Contains(reason, StringComparison.Ordinal) && (l.Contains($"to {pipeline.Prefix}{queue}-poison", StringComparison.Ordinal) || l.Contains("PublishWave", StringComparison.Ordinal)));
        }

        // The one that kept failing was moved on its fifth delivery, its last reason attached; the host had nothing left to poison.
        var stuck = (await PeekAsync(pipeline, StorageNames.PublishQueue)).Select(PoisonEnvelope.TryParse).Single(e => e!.Message.Contains("2027-01", StringComparison.Ordinal))!;
        Assert.Equal(PoisonMessages.MaxDeliveries, stuck.Deliveries);
        Assert.Contains("unknown instrument version", stuck.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("MaxDequeueCount", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static string WithoutAttempt(string message) => Regex.Replace(message, "\"attempt\":\\d+", "\"attempt\":0");

    private static async Task<List<string>> PeekAsync(TestPipeline pipeline, string queue)
    {
        PeekedMessage[] peeked = await pipeline.Storage.PoisonQueue(queue).PeekMessagesAsync(32);
        return peeked.Select(p => p.Body.ToString()).ToList();
    }
}
