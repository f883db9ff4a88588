using PulsePipeline.Models.Sending;

namespace PulsePipeline.UnitTests.Sending;

public sealed class SendLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly SendLimit[] PerMinute = [new(10, TimeSpan.FromMinutes(1))];

    [Fact]
    public void AGrant_IsCutToWhatTheLimitHasToSpare_AndRefusedWhenNothingIs()
    {
        var ledger = new SendLedger();

        var first = ledger.TryGrant(1, 8, T0, Lease, PerMinute);
        var second = ledger.TryGrant(2, 8, T0, Lease, PerMinute);
        var third = ledger.TryGrant(3, 1, T0, Lease, PerMinute);

        Assert.Equal(8, first!.Count);
        Assert.Equal(2, second!.Count);
        Assert.Null(third);
    }

    [Fact]
    public void AClosedGrant_CountsWhatWasUsed_UntilItsLastSendIsAWindowOld()
    {
        var ledger = new SendLedger();
        ledger.TryGrant(1, 10, T0, Lease, PerMinute);
        ledger.Close(1, 4, T0.AddSeconds(2));

        Assert.Equal(6, ledger.Available(T0.AddSeconds(3), PerMinute));
        Assert.Equal(6, ledger.Available(T0.AddSeconds(61.9), PerMinute));
        Assert.Equal(10, ledger.Available(T0.AddSeconds(62), PerMinute));
        Assert.Equal(T0.AddSeconds(62), FullLedger(T0.AddSeconds(2)).NextCapacity(T0.AddSeconds(3), PerMinute));
    }

    [Fact]
    public void AGrantWhoseLeaseRanOut_IsClosedInFull_AtTheLeaseEnd()
    {
        var ledger = new SendLedger();
        ledger.TryGrant(1, 3, T0, Lease, PerMinute);

        ledger.Compact(T0 + Lease, PerMinute);
        ledger.Close(1, 1, T0.AddSeconds(1)); // too late: the host's lease had run out

        Assert.Empty(ledger.Open);
        Assert.Equal(new SentBlock(3, T0 + Lease), Assert.Single(ledger.Sent));
    }

    [Fact]
    public void APause_RefusesEveryGrant_UntilItEnds()
    {
        var ledger = new SendLedger();
        ledger.Pause(T0.AddSeconds(30));
        ledger.Pause(T0.AddSeconds(10)); // a shorter pause never shortens a longer one

        Assert.Null(ledger.TryGrant(1, 1, T0.AddSeconds(29), Lease, PerMinute));
        Assert.Equal(T0.AddSeconds(30), ledger.NextCapacity(T0, PerMinute));
        Assert.NotNull(ledger.TryGrant(1, 1, T0.AddSeconds(30), Lease, PerMinute));
    }

    [Fact]
    public void Compacting_KeepsFewBlocksPerWindow_AndNeverCountsLess()
    {
        SendLimit[] limits = [new(1000, TimeSpan.FromMinutes(1)), new(100_000, TimeSpan.FromHours(1))];
        var ledger = new SendLedger();
        var now = T0;
        for (var i = 0; i < 3600; i++, now = now.AddSeconds(1))
        {
            ledger.TryGrant(i, 1, now, Lease, limits);
            ledger.Close(i, 1, now);
        }

        var before = limits.Select(l => ledger.Available(now, [l])).ToList();
        ledger.Compact(now, limits);
        var after = limits.Select(l => ledger.Available(now, [l])).ToList();

        Assert.InRange(ledger.Sent.Count, 1, (2 * SendLedger.BucketsPerWindow) + 2);
        Assert.All(before.Zip(after), p => Assert.True(p.Second <= p.First, $"compaction freed capacity: {p.First} -> {p.Second}"));
        Assert.InRange(before[0] - after[0], 0, 2); // the minute's count grows by at most a bucket's worth
    }

    [Fact]
    public void TheStoredForm_RoundTrips_AndGarbageIsRefused()
    {
        var ledger = new SendLedger();
        ledger.TryGrant(7, 3, T0, Lease, PerMinute);
        ledger.TryGrant(8, 2, T0, Lease, PerMinute);
        ledger.Close(8, 1, T0.AddSeconds(1));
        ledger.Pause(T0.AddSeconds(9));

        var copy = SendLedgerFormat.Deserialize(SendLedgerFormat.Serialize(ledger));

        Assert.Equal(ledger.Open, copy.Open);
        Assert.Equal(ledger.Sent, copy.Sent);
        Assert.Equal(ledger.PausedUntil, copy.PausedUntil);
        Assert.Throws<InvalidDataException>(() => SendLedgerFormat.Deserialize([1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => SendLedgerFormat.Deserialize([.. SendLedgerFormat.Serialize(ledger), 0]));
        Assert.Throws<InvalidDataException>(() => SendLedgerFormat.Deserialize([]));
    }

    private static SendLedger FullLedger(DateTimeOffset end)
    {
        var ledger = new SendLedger();
        ledger.TryGrant(1, 10, end, Lease, PerMinute);
        ledger.Close(1, 10, end);
        return ledger;
    }
}
