using PulsePipeline.IntegrationTests.Infrastructure;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>`pulse host` child processes over a test's storage prefix, optionally reaching queues through a <see cref="QueueLeaseProxy"/>.</summary>
internal static class ChildHosts
{
    /// <summary>
    /// The most queue messages the local host works on at once per queue: its WebJobs BatchSize (16) plus
    /// NewBatchThreshold (8), see LocalPipelineHost. A killed host can leave at most this many half-done.
    /// </summary>
    public const int MessagesInFlight = 16 + 8;

    /// <summary>A host over the test's storage; its HTTP routes listen on a port of their own, not the test's survey URL.</summary>
    public static Task<PulseProcess> StartAsync(TestPipeline pipeline, QueueLeaseProxy? proxy = null)
    {
        var environment = new Dictionary<string, string?>(pipeline.Settings.Overrides);
        if (proxy is not null)
        {
            environment["AzureWebJobsStorage"] = proxy.ConnectionString;
        }

        return PulseProcess.StartHostAsync($"http://127.0.0.1:{TestSettings.FreePort()}", environment);
    }
}
