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
    private int wanted = 4;
    private HeldGrant? judged;

    /// <summary>The size of the next grant, after <paramref name="last"/> (null: the first).</summary>
    public int Next(HeldGrant? last, DateTimeOffset now)
    {
        if (last is not null && last != judged)
        {
            judged = last;
            var usedUp = last.Taken >= last.Count;
            var quickly = now - last.GrantedAt < TimeSpan.FromSeconds(1);
            wanted = usedUp ? (quickly ? wanted * 2 : wanted) : Math.Max(1, last.Taken);
        }

        wanted = Math.Clamp(wanted, 1, most);
        return wanted;
    }
}
