using PulsePipeline.Models.Sending;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// How many sends a host asks for in its next grant: one storage request for many emails when it sends fast, little
/// held when it does not. Doubling while grants are used up within a second, the number actually used when one was
/// given up, never more than <see cref="Largest"/> nor a quarter of the smallest limit (so a crashed host blocks at
/// most that much until its lease ends). Guarded by the limiter's lock.
/// </summary>
internal sealed class GrantSizes(IReadOnlyList<SendLimit> limits)
{
    public const int Largest = 1024;

    private readonly int most = limits.Count == 0 ? Largest : Math.Clamp(limits.Min(l => l.Count) / 4, 1, Largest);
    private int wanted = 16;
    private HeldGrant? judged;

    public int Wanted => Math.Clamp(wanted, 1, most);

    /// <summary>Learns from a grant the host is done with (once per grant).</summary>
    public void Finished(HeldGrant grant, DateTimeOffset now)
    {
        if (grant == judged)
        {
            return;
        }

        judged = grant;
        var usedUp = grant.Taken >= grant.Count;
        var quickly = now - grant.GrantedAt < TimeSpan.FromSeconds(1);
        wanted = Math.Clamp(usedUp ? (quickly ? grant.Count * 2 : grant.Count) : Math.Max(1, grant.Taken), 1, most);
    }
}
