using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Cli.Demo;
using PulsePipeline.Cli.Hosting;
using PulsePipeline.Cli.Hosting.Triggers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Simulation;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// `pulse bench responses`: N answers POSTed to the survey form on the local host's Kestrel, through the
/// responses queue and the TallyResponse queue trigger into the private tallies, timed until every one is
/// counted; and in the same run the raw storage operations of the same responses (queue send, receive, delete
/// and one entity-group transaction each), and the survey's own submission protocol issued raw (token and wave
/// reads, held send, token update, reveal; see <see cref="RawStorage"/>). The rates and both ratios.
/// </summary>
internal static class ResponsesBench
{
    public const double Target = 0.7;

    public static async Task<int> RunAsync(int employees, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench responses: {employees} responses");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var (invited, units) = await session.ImportAsync(employees, Math.Max(7, employees / 80), seed, cancellationToken);
        var options = session.Get<IOptions<PulseOptions>>().Value;
        var wave = await session.Get<OpenWaveStep>().OpenAsync(WaveIds.ForSchedule(DateTimeOffset.UtcNow), cancellationToken)
            ?? throw new InvalidOperationException("the wave did not open");
        Console.WriteLine($"  roster: {invited} employees in {units} units; wave {wave.RowKey} open (its invitations are not sent here)");

        var raw = await Stage.RunAsync($"raw storage ops ({BenchRespondents.Concurrency} senders)", "responses", async () =>
        {
            var messages = RawMessages(wave.RowKey, invited, units, seed);
            await RawStorage.ResponsesAsync(session, messages, BenchRespondents.Concurrency, consumers: 2, cancellationToken);
            return messages.Count;
        });

        var protocol = await Stage.RunAsync($"raw submission protocol ({BenchRespondents.Concurrency} senders)", "responses", async () =>
        {
            var messages = RawMessages(wave.RowKey, invited, units, seed + 1);
            await RawStorage.SubmissionProtocolAsync(session, messages, BenchRespondents.Concurrency, consumers: 2, cancellationToken);
            return messages.Count;
        });

        // HTTP and the tally trigger only: the invitations stay queued.
        await using var host = LocalHost.Create(session.Settings, HostCommand.LocalUrl(), LogLevel.Warning, triggers: [typeof(TallyResponseTrigger)]);
        await host.StartAsync(cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var respondents = new BenchRespondents(session.Get<RosterStore>(), wave.RosterVersion, options.TokenSecret, options.SurveyBaseUrl, seed);
        var pipeline = await Stage.RunAsync($"pipeline: HTTP POST + queue + tally", "responses", async () =>
        {
            var answered = await respondents.AnswerAsync(wave.RowKey, _ => 1.0, http, cancellationToken);
            await WaitForTalliesAsync(session, wave.RowKey, answered, cancellationToken);
            return answered;
        });
        await host.StopAsync(cancellationToken);

        BenchOutput.Ratio("responses vs raw storage ops", pipeline.Rate, raw.Rate, Target);
        BenchOutput.Ratio("responses vs the same submission protocol issued raw", pipeline.Rate, protocol.Rate);
        return 0;
    }

    /// <summary>Waits until the responses queue is empty (in-flight messages count too), then checks the tallies add up.</summary>
    public static async Task WaitForTalliesAsync(BenchSession session, string waveId, int answered, CancellationToken cancellationToken)
    {
        var queue = session.Storage.Queue(StorageNames.ResponsesQueue);
        var progress = new Progress("    responses queued");
        await Polling.UntilAsync(
            async ct => (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount,
            pending => pending == 0,
            TimeSpan.FromSeconds(Math.Max(600, answered / 5)),
            pending => progress.Report($"{pending} not yet tallied"),
            "tallying of every response",
            cancellationToken);
        progress.Done("all tallied");

        var poisoned = (await session.Storage.PoisonQueue(StorageNames.ResponsesQueue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var (from, to) = TallyEntity.Partitions;
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {from} and PartitionKey lt {to} and RowKey eq {TallyEntity.Row}");
        var wave = await session.Get<WaveStore>().GetAsync(waveId, cancellationToken) ?? throw new InvalidOperationException($"wave {waveId} does not exist");
        long counted = 0;
        await foreach (var tally in session.Storage.WaveTable(wave).QueryAsync<TallyEntity>(filter, select: ["N"], cancellationToken: cancellationToken))
        {
            counted += tally.N;
        }

        if (counted != answered || poisoned != 0)
        {
            throw new InvalidOperationException($"{answered} answered but {counted} counted and {poisoned} poisoned");
        }
    }

    /// <summary>Response messages like the survey enqueues: real token hashes, units and simulated answers.</summary>
    private static List<string> RawMessages(string waveId, int count, int units, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => QueueMessages.Serialize(new ResponseMessage(
            "raw" + waveId,
            $"u{i % units}",
            SurveyTokens.Hash($"raw|{i}"),
            Instruments.Current.Version,
            SimulatedRespondents.Answer(Instruments.Current, 0, random)))).ToList();
    }
}
