using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Pipeline.Email;

/// <summary>
/// Holds every send in this host to PULSE_SEND_RATE_PER_MINUTE (0 = unlimited), whichever batch it belongs to.
/// A token bucket refilled evenly through the minute, with at most a second's worth of burst. The limit is per
/// host instance: in Azure, divide the provider's quota by the maximum instance count.
/// </summary>
public sealed class SendRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter? limiter;

    public SendRateLimiter(IOptions<PulseOptions> options)
    {
        var perMinute = options.Value.SendRatePerMinute;
        if (perMinute <= 0)
        {
            return;
        }

        // Timers tick no finer than ~15 ms, so fast rates refill several tokens every 100 ms instead of one
        // token every few milliseconds.
        var (tokensPerPeriod, period) = perMinute >= 600
            ? (perMinute / 600, TimeSpan.FromMilliseconds(100))
            : (1, TimeSpan.FromMinutes(1.0 / perMinute));
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(tokensPerPeriod, perMinute / 60),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        if (limiter is null)
        {
            return;
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The send rate limiter refused a lease although its queue is unbounded.");
        }
    }

    public void Dispose() => limiter?.Dispose();
}
