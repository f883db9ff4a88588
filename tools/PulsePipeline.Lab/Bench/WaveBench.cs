using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Lab.Demo;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench wave`: one whole wave at full scale through the local host (WebJobs triggers and Kestrel, as
/// `pulse host` runs them): the roster is imported, the wave opened as the StartWaves timer does, every
/// invitation sent into smtp4dev, employees answer over HTTP at their unit's response rate (45–85%), the wave is
/// closed as the CloseWaves timer does, and the host publishes it, runs detection and sends the IPIM digest.
/// Wall time and peak memory (managed heap, working set) of each stage.
/// </summary>
internal static class WaveBench
{
    public const long MemoryLimitBytes = 1L << 30;

    public static async Task<int> RunAsync(int employees, int units, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench wave: {employees} employees in {units} units");
        var total = Stopwatch.StartNew();
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var results = new List<StageResult>
        {
            await Stage.RunAsync("roster import (set-up)", "employees", async () => (await session.ImportAsync(employees, units, seed, cancellationToken)).Employees),
        };

        await using var host = LocalPipelineHost.Create(session.Settings, LocalPipelineHost.LocalUrl(), LogLevel.Warning, services: CountingMailSender.Decorate);
        await host.StartListeningAsync(cancellationToken);
        var services = host.Services;
        var options = services.GetRequiredService<IOptions<PulseOptions>>().Value;
        var waveId = WaveIds.ForSchedule(DateTimeOffset.UtcNow);
        WaveEntity? wave = null;

        results.Add(await Stage.RunAsync("invite: open wave + send all", "emails", async () =>
        {
            var opening = Stopwatch.StartNew();
            wave = await services.GetRequiredService<OpenWaveStep>().OpenAsync(waveId, cancellationToken) ?? throw new InvalidOperationException("the wave did not open");
            Console.WriteLine($"    wave open after {opening.Elapsed.TotalSeconds:0.0} s ({wave.Invited} token rows written, invitation batches enqueued)");
            await WaitForSendsAsync(services.GetRequiredService<CountingMailSender>(), session, wave.Invited, cancellationToken);
            return wave.Invited;
        }));

        var respondents = new BenchRespondents(services.GetRequiredService<RosterStore>(), wave!.RosterVersion, options.TokenSecret, options.SurveyBaseUrl, seed);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        var answered = 0;
        results.Add(await Stage.RunAsync("answer: HTTP POST + tally", "responses", async () =>
        {
            answered = await respondents.AnswerAsync(waveId, respondents.UnitRate, http, cancellationToken);
            await ResponsesBench.WaitForTalliesAsync(session, waveId, answered, cancellationToken);
            return answered;
        }));
        Console.WriteLine($"    response rate {(double)answered / wave.Invited:P1}");

        results.AddRange(await CloseToDigestAsync(services, session.Storage, waveId, units, cancellationToken));
        await host.StopAsync(cancellationToken);
        await CheckPrivacyAsync(services.GetRequiredService<StorageClients>().Tables, services.GetRequiredService<WaveStore>(), waveId, cancellationToken);

        Console.WriteLine($"  whole wave: {total.Elapsed.TotalMinutes:0.0} min for {wave.Invited} invitations and {answered} responses");
        var peak = results.Max(r => r.PeakWorkingSetBytes);
        Console.WriteLine($"  highest peak working set of any stage {BenchOutput.Mib(peak):0} MiB (target < 1 GiB: {(peak < MemoryLimitBytes ? "met" : "NOT met")}); highest peak heap {BenchOutput.Mib(results.Max(r => r.PeakHeapBytes)):0} MiB");
        return 0;
    }

    /// <summary>The stages after answering: the wave closed as the timer does, then publication, detection and the digest as the host's queue steps run them.</summary>
    private static async Task<List<StageResult>> CloseToDigestAsync(IServiceProvider services, PulseStorage storage, string waveId, int units, CancellationToken cancellationToken) =>
    [
        await Stage.RunAsync("close (CloseWaves timer step)", "waves", async () =>
        {
            await services.GetRequiredService<WaveStore>().EndEarlyAsync(waveId, DateTimeOffset.UtcNow, cancellationToken);
            return (await services.GetRequiredService<CloseWavesStep>().RunAsync(cancellationToken)).Count;
        }),
        await Stage.RunAsync("publish (PublishWave queue step)", "units", async () =>
        {
            await UntilAsync("publication", async ct => (await services.GetRequiredService<WaveStore>().GetAsync(waveId, ct))?.State == WaveStates.Published, cancellationToken);
            return units;
        }),
        await Stage.RunAsync("detect (DetectShifts queue step)", "units", async () =>
        {
            await UntilAsync("detection", async ct => (await storage.Flags.GetEntityIfExistsAsync<FlagEntity>(waveId, FlagEntity.OrganisationRow, cancellationToken: ct)).HasValue, cancellationToken);
            return units;
        }),
        await Stage.RunAsync("alert (SendAlerts queue step)", "digests", async () =>
        {
            await UntilAsync("the IPIM digest", async ct => (await storage.Alerts.GetEntityIfExistsAsync<AlertEntity>(waveId, AlertEntity.DigestRow, cancellationToken: ct)) is { HasValue: true } row && row.Value!.State == AlertEntity.Sent, cancellationToken);
            return 1;
        }),
    ];

    /// <summary>
    /// Waits until the SMTP server accepted every invitation, emptying smtp4dev every 2,000 emails so that its
    /// growing mailbox does not slow it down (a real provider's does not); the accepted count is the host's own.
    /// </summary>
    private static async Task WaitForSendsAsync(CountingMailSender sent, BenchSession session, int count, CancellationToken cancellationToken)
    {
        var progress = new Progress("    invitations accepted by smtp4dev");
        var clock = Stopwatch.StartNew();
        var emptiedAt = 0L;
        while (sent.Accepted < count)
        {
            var accepted = sent.Accepted;
            progress.Report($"{accepted}/{count} ({accepted / Math.Max(clock.Elapsed.TotalSeconds, 0.001):0}/s)");
            if (accepted - emptiedAt >= 2_000)
            {
                await session.Mailbox.DeleteAllAsync(cancellationToken);
                emptiedAt = accepted;
            }

            if (clock.Elapsed > TimeSpan.FromHours(3))
            {
                throw new TimeoutException($"only {accepted} of {count} invitations were sent within 3 hours");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        progress.Done($"{count}/{count}");
    }

    /// <summary>After publication the wave's table (every marker and token row) must be gone; the bench fails otherwise.</summary>
    public static async Task CheckPrivacyAsync(TableServiceClient tables, WaveStore waves, string waveId, CancellationToken cancellationToken)
    {
        var wave = await waves.GetAsync(waveId, cancellationToken) ?? throw new InvalidOperationException($"wave {waveId} does not exist");
        if (await tables.TableExistsAsync(wave.Table, cancellationToken))
        {
            throw new InvalidOperationException($"after publication, the table {wave.Table} with wave {waveId}'s tokens and markers is still there");
        }
    }

    private static async Task UntilAsync(string what, Func<CancellationToken, Task<bool>> done, CancellationToken cancellationToken) =>
        await Polling.UntilAsync(done, d => d, TimeSpan.FromMinutes(30), null, what, cancellationToken);
}
