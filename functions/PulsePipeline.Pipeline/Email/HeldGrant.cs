using PulsePipeline.Models.Sending;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// This host's side of a <see cref="SendGrant"/>: turns handed out and ended, when the last one ended. Turns are handed
/// out only in the grant's first part (<see cref="IssueUntil"/>), so every send has at least
/// <see cref="SendBudget"/> before its <see cref="Deadline"/>. Guarded by the limiter's lock.
/// </summary>
internal sealed class HeldGrant(SendGrant grant, DateTimeOffset grantedAt)
{
    /// <summary>How long a grant is good for; a host that crashed with one loses it after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    /// <summary>The least time a send has before its turn's deadline (MailKit's own timeout per command is 30 s).</summary>
    public static readonly TimeSpan SendBudget = TimeSpan.FromSeconds(40);

    /// <summary>Between a turn's deadline and the lease's end: the server's answer to an abandoned send lands before the lease ends.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public long Id => grant.Id;

    public int Count => grant.Count;

    public DateTimeOffset GrantedAt { get; } = grantedAt;

    public DateTimeOffset IssueUntil { get; } = grant.LeaseEnd - SendBudget - Margin;

    /// <summary>When a send under this grant must have ended: before the lease runs out, with a margin for the server's answer.</summary>
    public DateTimeOffset Deadline { get; } = grant.LeaseEnd - Margin;

    public int Taken { get; private set; }

    public int Ended { get; private set; }

    public DateTimeOffset LastEnd { get; private set; }

    /// <summary>No more turns from it: used up, past its issuing time, or given up after the server asked to slow down.</summary>
    public bool Retired { get; private set; }

    /// <summary>Retired, every turn ended, and not yet closed in the ledger.</summary>
    public bool Closable => Retired && Ended == Taken;

    public bool CanTake(DateTimeOffset now) => !Retired && Taken < Count && now < IssueUntil;

    public bool TryTake(DateTimeOffset now)
    {
        if (!CanTake(now))
        {
            Retired = true;
            return false;
        }

        Taken++;
        return true;
    }

    public void End(DateTimeOffset now)
    {
        Ended++;
        LastEnd = now > LastEnd ? now : LastEnd;
        if (Taken >= Count)
        {
            Retired = true;
        }
    }

    public void Retire() => Retired = true;
}
