namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Where every email waits for its turn (<see cref="SmtpSessionPool"/> asks before each send), so that the provider's
/// quota holds across every host instance and function group: <see cref="SharedSendLimiter"/>.
/// </summary>
public interface ISendLimiter
{
    /// <summary>Waits until one more email may go out. Dispose the turn as soon as the server has answered (or the send failed).</summary>
    ValueTask<SendTurn> TakeAsync(CancellationToken cancellationToken);

    /// <summary>The mail server asked to slow down: no turn is given (on any host) before <paramref name="delay"/> has passed.</summary>
    Task BackOffAsync(TimeSpan delay, string reason, CancellationToken cancellationToken);
}
