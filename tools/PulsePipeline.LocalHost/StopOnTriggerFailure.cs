using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PulsePipeline.LocalHost;

/// <summary>
/// What the WebJobs SDK does when one of its background loops fails for good: a queue poll or a timer-lease
/// renewal that still fails after the storage client's retries, or a function past its timeout. The SDK's own
/// handler rethrows on a new thread, which ends the process: restarting Azurite killed `pulse host`
/// (Azure/azure-webjobs-sdk#2719 and #3119). This one stops the host gracefully instead and records why, so that
/// `pulse host` can start it again once storage answers. In Azure the platform restarts the Functions host.
/// </summary>
internal sealed class StopOnTriggerFailure(IHostApplicationLifetime lifetime, ILogger<StopOnTriggerFailure> logger) : IWebJobsExceptionHandler, IWebJobsExceptionHandlerFactory
{
    private Exception? failure;

    /// <summary>Why the host was stopped, or null while it runs (or when it was stopped by a user).</summary>
    public Exception? Failure => Volatile.Read(ref failure);

    public IWebJobsExceptionHandler Create(IHost jobHost) => this;

    public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => StopAsync(exceptionInfo);

    public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo) => StopAsync(exceptionInfo);

    private Task StopAsync(ExceptionDispatchInfo exceptionInfo)
    {
        // The exception's type and message only: the stack adds nothing here, and the host is stopping anyway.
        var error = exceptionInfo.SourceException;
        if (Interlocked.CompareExchange(ref failure, error, null) is null)
        {
            logger.LogCritical("A trigger of the host failed and the host stops: {ErrorType}: {Message}", error.GetType().Name, error.Message);
            lifetime.StopApplication();
        }
        else
        {
            logger.LogWarning("Another trigger failed while the host stops: {ErrorType}", error.GetType().Name);
        }

        return Task.CompletedTask;
    }
}
