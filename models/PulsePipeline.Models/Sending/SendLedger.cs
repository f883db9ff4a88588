namespace PulsePipeline.Models.Sending;

/// <summary>
/// What every host that sends email shares (one row in table storage, written under its ETag): the grants still open
/// and the blocks already sent, and a pause the mail server asked for. A host takes a grant of n sends only while every
/// limit has n to spare, counting every open grant in full and every sent block until its end plus the limit's window.
/// Each email goes out between its grant's opening and its block's end, so in any window of length W at most the
/// limit's count go out, however many hosts send: a block ending at e stops counting at e + W, and anything granted
/// after that starts after it. Compacting keeps the row small (at most <see cref="BucketsPerWindow"/> blocks per
/// window) by merging blocks of similar end into one with the later end, which only ever counts them longer.
/// </summary>
public sealed class SendLedger
{
    /// <summary>Blocks kept per window; merging costs a grant at most Window / this of waiting (under a second per minute).</summary>
    public const int BucketsPerWindow = 64;

    private readonly List<SendGrant> open = [];
    private readonly List<SentBlock> sent = [];

    public SendLedger()
    {
    }

    /// <summary>A ledger as stored (<see cref="SendLedgerFormat"/>).</summary>
    public SendLedger(DateTimeOffset pausedUntil, IEnumerable<SendGrant> open, IEnumerable<SentBlock> sent)
    {
        PausedUntil = pausedUntil;
        this.open.AddRange(open);
        this.sent.AddRange(sent);
    }

    public DateTimeOffset PausedUntil { get; private set; } = DateTimeOffset.MinValue;

    public IReadOnlyList<SendGrant> Open => open;

    public IReadOnlyList<SentBlock> Sent => sent;

    /// <summary>Emails that may be granted now: the least any limit has to spare.</summary>
    public int Available(DateTimeOffset now, IReadOnlyList<SendLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var held = open.Sum(g => (long)g.Count);
        return limits.Count == 0 ? int.MaxValue
            : (int)Math.Max(0, limits.Min(l => l.Count - held - Counting(now, l.Window)));
    }

    /// <summary>A grant of up to <paramref name="wanted"/> sends, or null when paused or a limit has none to spare.</summary>
    public SendGrant? TryGrant(long id, int wanted, DateTimeOffset now, TimeSpan lease, IReadOnlyList<SendLimit> limits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wanted, 1);
        var count = Math.Min(wanted, Available(now, limits));
        if (now < PausedUntil || count < 1)
        {
            return null;
        }

        var grant = new SendGrant(id, count, now + lease);
        open.Add(grant);
        return grant;
    }

    /// <summary>Closes a grant: <paramref name="used"/> emails went out, the last of them finished by <paramref name="lastEnd"/>.</summary>
    public void Close(long id, int used, DateTimeOffset lastEnd)
    {
        var at = open.FindIndex(g => g.Id == id);
        if (at < 0)
        {
            return; // its lease ran out and compaction closed it in full already
        }

        open.RemoveAt(at);
        if (used > 0)
        {
            sent.Add(new SentBlock(used, lastEnd));
        }
    }

    /// <summary>No grant before <paramref name="until"/> (the mail server asked everyone to wait).</summary>
    public void Pause(DateTimeOffset until)
    {
        if (until > PausedUntil)
        {
            PausedUntil = until;
        }
    }

    /// <summary>
    /// Closes in full the grants whose lease has run out, forgets blocks no window counts any more, and merges the rest:
    /// a block is merged with its neighbours in buckets of 1/<see cref="BucketsPerWindow"/> of the shortest window that
    /// still counts it.
    /// </summary>
    public void Compact(DateTimeOffset now, IReadOnlyList<SendLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var expired in open.Where(g => g.LeaseEnd <= now).ToList())
        {
            open.Remove(expired);
            sent.Add(new SentBlock(expired.Count, expired.LeaseEnd));
        }

        var windows = limits.Select(l => l.Window).Order().ToList();
        var merged = sent
            .Where(b => windows.Count > 0 && b.End + windows[^1] > now)
            .GroupBy(b =>
            {
                var window = windows.First(w => b.End + w > now);
                var bucket = Math.Max(1, window.Ticks / BucketsPerWindow);
                return (window, b.End.UtcTicks / bucket);
            })
            .Select(g => new SentBlock(g.Sum(b => b.Count), g.Max(b => b.End)))
            .OrderBy(b => b.End)
            .ToList();
        sent.Clear();
        sent.AddRange(merged);
    }

    /// <summary>
    /// When a grant can next be had, if nothing is closed early: the pause's end, and for each limit with nothing to
    /// spare the moment enough of its sent blocks stop counting (or, if open grants hold it, the earliest lease's end
    /// plus its window). Hosts wait until then, but poll sooner, since grants are usually closed long before their lease.
    /// </summary>
    public DateTimeOffset NextCapacity(DateTimeOffset now, IReadOnlyList<SendLimit> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var next = PausedUntil > now ? PausedUntil : now;
        var held = open.Sum(g => (long)g.Count);
        foreach (var limit in limits)
        {
            var deficit = 1 - (limit.Count - held - Counting(now, limit.Window));
            if (deficit <= 0)
            {
                continue;
            }

            var freed = 0L;
            DateTimeOffset? at = null;
            foreach (var block in sent.Where(b => b.End + limit.Window > now).OrderBy(b => b.End))
            {
                freed += block.Count;
                if (freed >= deficit)
                {
                    at = block.End + limit.Window;
                    break;
                }
            }

            at ??= (open.Count > 0 ? open.Min(g => g.LeaseEnd) : now) + limit.Window;
            next = at.Value > next ? at.Value : next;
        }

        return next;
    }

    private long Counting(DateTimeOffset now, TimeSpan window) => sent.Where(b => b.End + window > now).Sum(b => (long)b.Count);
}
