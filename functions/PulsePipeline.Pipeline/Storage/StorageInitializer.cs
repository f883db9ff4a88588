using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// Gets a host ready before any trigger can run: creates the pipeline's tables and queues in
/// <see cref="StartingAsync"/>, which the host calls on
/// every lifecycle service before it starts any hosted service, whatever the registration order: the WebJobs
/// listeners and timers and Kestrel in `pulse host`, the worker's invocation channel in the Functions app. (As a
/// plain StartAsync it ran after the WebJobs host had started, and a past-due CloseWaves timer met missing tables.)
/// </summary>
public sealed class StorageInitializer(PulseStorage storage, ILogger<StorageInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Storage ready (prefix '{Prefix}')", storage.Names.Queue(""));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
