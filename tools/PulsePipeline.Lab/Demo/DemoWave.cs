using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// One demo wave through the running local host: open it (as the timer would), wait for every invitation in
/// smtp4dev, let the employees answer over HTTP, close it, and wait until the host has published it, run the
/// detector and handled the IPIM digest.
/// </summary>
internal sealed class DemoWave(WebApplication host, Smtp4devClient mailbox, HttpClient http, DemoRespondents respondents)
{
    private T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <param name="plan">The shifts and interventions planted so far; the plan grows as interventions are recorded.</param>
    /// <param name="keepInvitations">Leave the wave's invitations in smtp4dev to look at (smtp4dev slows down as its store grows, so earlier waves' are removed).</param>
    public async Task<DemoWaveResult> RunAsync(string waveId, int number, DemoPlan plan, bool keepInvitations, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var before = await mailbox.CountAsync(null, cancellationToken);
        var opened = DateTimeOffset.UtcNow.AddSeconds(-1);
        var wave = await Get<OpenWaveStep>().OpenAsync(waveId, cancellationToken) ?? throw new InvalidOperationException("The wave did not open: no roster.");

        var sending = Stopwatch.StartNew();
        var progress = new Progress($"wave {waveId}: invitations in smtp4dev");
        await Polling.UntilAsync(
            ct => mailbox.CountAsync(null, ct),
            count => count - before >= wave.Invited,
            TimeSpan.FromSeconds(Math.Max(600, wave.Invited / 5)),
            count => progress.Report($"{count - before}/{wave.Invited}"),
            "delivery of every invitation",
            cancellationToken);
        progress.Done($"{wave.Invited}/{wave.Invited} in {sending.Elapsed.TotalSeconds:0.0} s ({wave.Invited / sending.Elapsed.TotalSeconds:0} emails/s)");

        var (answered, invitations) = await respondents.AnswerAsync(mailbox, http, opened, number, plan, cancellationToken);
        if (!keepInvitations)
        {
            await Parallel.ForEachAsync(invitations, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (mail, ct) => await mailbox.DeleteAsync(mail.Id, ct));
        }

        await Get<WaveStore>().EndEarlyAsync(waveId, DateTimeOffset.UtcNow, cancellationToken);
        await Get<CloseWavesStep>().RunAsync(cancellationToken);

        var storage = Get<PulseStorage>();
        var settling = new Progress($"wave {waveId}: tally, publication, detection, effects, digest");
        var probe = new DemoSettling(storage, waveId);
        await Polling.UntilAsync(
            probe.ProbeAsync,
            state => state.DigestSent,
            TimeSpan.FromMinutes(10),
            state => settling.Report($"{state.Stage} ({clock.Elapsed.TotalSeconds:0} s)"),
            $"publication, detection and alerting of wave {waveId}",
            cancellationToken);
        var published = await storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var flags = await storage.Flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        settling.Done($"done in {clock.Elapsed.TotalSeconds:0.0} s");
        return new DemoWaveResult(wave, answered, invitations.Count, published, flags);
    }
}
