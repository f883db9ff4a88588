using PulsePipeline.Models.Sending;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// This host's side of the send ledger: the grant turns come from, the next one asked for ahead (once a large grant
/// is half used, so a host sending steadily never waits for the ledger), and the grants that are done but not yet
/// closed in it. One lock guards all of it; <see cref="SharedSendLimiter"/> does the storage.
/// </summary>
internal sealed class HostGrants(IReadOnlyList<SendLimit> limits)
{
    private readonly Lock gate = new();
    private readonly GrantSizes sizes = new(limits);
    private readonly List<HeldGrant> held = [];
    private HeldGrant? current;
    private HeldGrant? next;
    private bool prefetching;
    private DateTimeOffset prefetchNotBefore;

    /// <summary>The grant of a turn just taken, or null when no grant of ours has one left; <paramref name="prefetch"/>: ask for the next ahead now.</summary>
    public HeldGrant? TryTake(DateTimeOffset now, out bool prefetch)
    {
        lock (gate)
        {
            var grant = Take(now);
            prefetch = grant is not null && !prefetching && next is null && now >= prefetchNotBefore && grant.Count >= 8 && grant.Taken * 2 >= grant.Count;
            prefetching |= prefetch;
            return grant;
        }
    }

    /// <summary>Records that a turn's send ended; true when every turn of its grant has.</summary>
    public bool End(HeldGrant grant, DateTimeOffset now)
    {
        lock (gate)
        {
            grant.End(now);
            return grant.Ended == grant.Taken;
        }
    }

    /// <summary>
    /// What one write of the ledger is to do: the size of grant to ask for (0: none) and the grants to close; null
    /// when there is nothing to write, or another caller got a grant meanwhile.
    /// </summary>
    public (int Size, List<HeldGrant> Closing)? Plan(bool grant, bool prefetch, bool pause, DateTimeOffset now)
    {
        lock (gate)
        {
            if (grant && (next is not null || (!prefetch && current?.CanTake(now) == true)))
            {
                prefetching &= !prefetch;
                return null;
            }

            if (!prefetch && current is { } done)
            {
                done.Retire();
                sizes.Finished(done, now);
            }

            var size = grant ? sizes.Wanted : 0;
            List<HeldGrant> closing = [.. held.Where(g => g.Closable)];
            return size == 0 && closing.Count == 0 && !pause ? null : (size, closing);
        }
    }

    /// <summary>After the write: forgets what it closed and takes the new grant (as the next one when asked for ahead).</summary>
    public void Apply(List<HeldGrant> closed, SendGrant? granted, bool prefetch, DateTimeOffset retryAt, DateTimeOffset now)
    {
        lock (gate)
        {
            held.RemoveAll(closed.Contains);
            if (prefetch)
            {
                prefetching = false;
                prefetchNotBefore = granted is null ? retryAt : prefetchNotBefore;
            }

            if (granted is null)
            {
                return;
            }

            var grant = new HeldGrant(granted, now);
            held.Add(grant);
            if (current?.CanTake(now) == true)
            {
                next = grant;
            }
            else
            {
                Replace(grant, now);
            }
        }
    }

    public void PrefetchFailed()
    {
        lock (gate)
        {
            prefetching = false;
        }
    }

    /// <summary>No more turns from any grant of ours (the server asked to slow down; the host stops).</summary>
    public void RetireAll()
    {
        lock (gate)
        {
            current?.Retire();
            next?.Retire();
            next = null;
        }
    }

    /// <summary>When no turn is out: retires every grant; true when one is then waiting to be closed.</summary>
    public bool RetireIfIdle()
    {
        lock (gate)
        {
            if (current is { } grant && grant.Ended != grant.Taken)
            {
                return false;
            }

            current?.Retire();
            next?.Retire();
            next = null;
            return held.Any(g => g.Closable);
        }
    }

    private HeldGrant? Take(DateTimeOffset now)
    {
        if (current?.TryTake(now) == true)
        {
            return current;
        }

        if (next is not { } following)
        {
            return null;
        }

        next = null;
        Replace(following, now);
        return following.TryTake(now) ? following : null;
    }

    private void Replace(HeldGrant grant, DateTimeOffset now)
    {
        if (current is { } done)
        {
            done.Retire();
            sizes.Finished(done, now);
        }

        current = grant;
    }
}
