using Microsoft.Extensions.Time.Testing;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Alerts;

/// <summary>
/// The IPIM digest keeps to the send limit like every other email. The limiter runs on a fake clock here, so the
/// comparison is within the run and needs no timing: with one email a second allowed and that one taken, the digest's
/// emails reach smtp4dev exactly one per second the clock moves, each waiting in the limiter meanwhile.
/// </summary>
public sealed class AlertRateTests
{
    private const string WaveId = "2027-03";

    [Fact]
    public async Task TheDigest_WaitsForTheSharedSendLimiter_OneEmailPerTurn()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 20, 9, 0, 0, TimeSpan.Zero));
        string[] ipim = [];
        await using var pipeline = await TestPipeline.CreateAsync(
            s =>
            {
                ipim = [.. Enumerable.Range(1, 3).Select(i => $"ipim{i}@{s["PULSE_STORAGE_PREFIX"]}.example")];
                s["PULSE_IPIM_RECIPIENTS"] = string.Join(',', ipim);
                s["PULSE_SEND_LIMITS"] = "1/1s";
                s["PULSE_DIGEST_WHEN_QUIET"] = "true";
            },
            clock);
        // A published wave with its flags, as detection leaves it: nothing flagged, so the digest is the quiet one.
        await pipeline.Storage.Waves.AddEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = WaveId, State = WaveStates.Published, InstrumentVersion = Instruments.Current.Version });
        await pipeline.Storage.Flags.AddEntityAsync(new FlagEntity { PartitionKey = WaveId, RowKey = FlagEntity.OrganisationRow, Status = "none" });
        var limiter = pipeline.Get<SharedSendLimiter>();
        (await limiter.TakeAsync(CancellationToken.None)).Dispose(); // the second's one email: sent, as by an invitation

        var sending = pipeline.Get<SendAlertsStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage(WaveId)), CancellationToken.None);
        for (var sent = 0; sent < ipim.Length; sent++)
        {
            await Polling.UntilAsync(_ => Task.FromResult(limiter.Waiting), w => w == 1 || sending.IsCompleted, TimeSpan.FromMinutes(1), null, "the digest waiting in the limiter", CancellationToken.None);
            Assert.False(sending.IsCompleted, $"the digest finished with {sent} of {ipim.Length} turns given");
            // smtp4dev lists an accepted email a moment later; no more than one per turn ever arrives.
            var arrived = await Polling.UntilAsync(ct => pipeline.Mailbox.CountAsync(pipeline.EmailDomain, ct), n => n >= sent, TimeSpan.FromMinutes(1), null, $"{sent} digest(s)", CancellationToken.None);
            Assert.Equal(sent, arrived);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await sending;
        var digests = await pipeline.WaitForMailsAsync(ipim.Length);
        Assert.Equal(ipim.Order(StringComparer.Ordinal), digests.Select(d => d.To[0]).Order(StringComparer.Ordinal));
        Assert.Equal(0, limiter.Waiting);
    }
}
