namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Permission to send one email. A send still running at <see cref="Deadline"/> must be abandoned, because after it the
/// email would no longer be covered by the grant it was counted in. Disposing records when the send ended.
/// </summary>
public sealed class SendTurn(DateTimeOffset? deadline, Action? ended) : IDisposable
{
    /// <summary>The turn of a host without limits: no deadline, nothing to record.</summary>
    public static SendTurn Unlimited { get; } = new(null, null);

    private Action? ended = ended;

    public DateTimeOffset? Deadline { get; } = deadline;

    public void Dispose() => Interlocked.Exchange(ref ended, null)?.Invoke();
}
