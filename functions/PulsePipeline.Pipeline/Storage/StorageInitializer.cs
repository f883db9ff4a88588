using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>Creates the pipeline's tables, queues and containers when a host starts, before any trigger runs.</summary>
public sealed class StorageInitializer(PulseStorage storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Storage ready (prefix '{Prefix}')", storage.Names.Queue(""));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
