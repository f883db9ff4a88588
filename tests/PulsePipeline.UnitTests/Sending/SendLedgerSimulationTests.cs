using PulsePipeline.Models.Sending;
using Xunit.Abstractions;

namespace PulsePipeline.UnitTests.Sending;

/// <summary>
/// Eight hosts share one ledger (through its stored form) in a simulated run: each takes grants, sends at random moments
/// within them, closes them with what it used, or crashes and leaves one open. However they interleave, no window of
/// any limit ever holds more sends than the limit, and the limit is reached (the ledger does not just refuse).
/// </summary>
public sealed class SendLedgerSimulationTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private static readonly SendLimit[] Limits = [new(5, TimeSpan.FromSeconds(1)), new(12, TimeSpan.FromSeconds(5))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void ManyHosts_NeverSendMoreThanALimit_InAnySlidingWindow(int seed)
    {
        var random = new Random(seed);
        var stored = SendLedgerFormat.Serialize(new SendLedger());
        var hosts = Enumerable.Range(0, 8).Select(_ => new Host()).ToList();
        var sends = new List<DateTimeOffset>();
        var now = T0;
        for (var step = 0; step < 20_000; step++)
        {
            now = now.AddMilliseconds(random.Next(0, 40));
            var host = hosts[random.Next(hosts.Count)];
            if (now < host.BusyUntil)
            {
                continue;
            }

            var ledger = SendLedgerFormat.Deserialize(stored);
            ledger.Compact(now, Limits);
            Act(ledger, host, now, random, sends);
            stored = SendLedgerFormat.Serialize(ledger);
        }

        sends.Sort();
        var duration = now - T0;
        output.WriteLine($"seed {seed}: {sends.Count} sends in {duration.TotalSeconds:0} s");
        foreach (var limit in Limits)
        {
            var busiest = sends.Select((s, i) => sends.Skip(i).TakeWhile(t => t < s + limit.Window).Count()).Max();
            Assert.True(busiest <= limit.Count, $"{busiest} sends within {limit.Window} (limit {limit.Count})");
        }

        // The 12 per 5 s limit binds: more than half of what it allows went out despite crashes and random demand.
        Assert.True(sends.Count > duration / TimeSpan.FromSeconds(5) * 12 / 2, $"only {sends.Count} sends in {duration}");
    }

    private static void Act(SendLedger ledger, Host host, DateTimeOffset now, Random random, List<DateTimeOffset> sends)
    {
        if (host.Grant is not { } grant)
        {
            host.Grant = ledger.TryGrant(random.NextInt64(), random.Next(1, 5), now, Lease, Limits);
            host.Used = 0;
            return;
        }

        var roll = random.NextDouble();
        if (roll < 0.7 && host.Used < grant.Count && now < grant.LeaseEnd - TimeSpan.FromSeconds(1))
        {
            // The relay accepts somewhere within the send; the host learns of it a little later.
            var accepted = now.AddMilliseconds(random.Next(0, 30));
            sends.Add(accepted);
            host.Used++;
            host.BusyUntil = host.LastEnd = accepted.AddMilliseconds(random.Next(0, 20));
        }
        else if (roll < 0.703)
        {
            host.Grant = null; // crashed: the grant stays open until its lease ends
        }
        else
        {
            ledger.Close(grant.Id, host.Used, host.LastEnd);
            host.Grant = null;
        }
    }

    private sealed class Host
    {
        public SendGrant? Grant { get; set; }

        public int Used { get; set; }

        public DateTimeOffset LastEnd { get; set; }

        public DateTimeOffset BusyUntil { get; set; }
    }
}
