using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.LocalHost;

/// <summary>
/// The WebJobs host id of `pulse host`: one per storage prefix. The SDK keeps timer schedules and the blob leases
/// that make each timer run on one host only under this id; with the SDK's default (one id per machine and
/// program) two pipelines on one storage account, such as two checkouts or tests beside a demo, would take each
/// other's timer leases and schedules.
/// </summary>
internal sealed class LocalHostId(IOptions<PulseOptions> options) : IHostIdProvider
{
    public Task<string> GetHostIdAsync(CancellationToken cancellationToken) =>
        Task.FromResult(For(options.Value.StoragePrefix));

    /// <summary>Host ids are lower-case letters, digits and dashes, at most 32 characters; prefixes are at most 16.</summary>
    public static string For(string prefix) => prefix.Length == 0 ? "pulse-local" : $"pulse-local-{prefix}";
}
