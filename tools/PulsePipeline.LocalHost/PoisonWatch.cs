using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PulsePipeline.Pipeline.Queues;

namespace PulsePipeline.LocalHost;

/// <summary>
/// `pulse host` says so when messages wait in a -poison queue: an error line at start for every queue that holds
/// any, and again whenever one holds more than at the last check (every <see cref="Interval"/>). A message poisoned
/// by this host is reported at once as it moves; this catches the ones poisoned while no host ran, or by another.
/// In Azure an alert rule over the same log lines does this (infra/core/monitor/poison-alert.bicep).
/// </summary>
internal sealed class PoisonWatch(PoisonQueues poison, TimeProvider clock, ILogger<PoisonWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, int> lastSeen = new(StringComparer.Ordinal);

    /// <summary>Compares every -poison queue with the last check and reports those that grew.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var (queue, poisonQueue, count) in await poison.CountsAsync(cancellationToken))
        {
            var before = lastSeen.GetValueOrDefault(queue);
            lastSeen[queue] = count;
            if (count > before)
            {
                logger.LogError("{Count} message(s) wait in {PoisonQueue} ({New} since the last check): see why with `pulse poison list --queue {Queue}`", count, poisonQueue, count - before, queue);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Storage is away (the host's own triggers will say so); the next check tries again.
                    logger.LogWarning("Could not count the poison queues: {ErrorType}", e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, or a host disposed without StopAsync (the generic host then logs a cancelled service as a
            // failure and stops): either way the watch simply ends.
        }
    }
}
