using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.LocalHost;
using PulsePipeline.LocalHost.Triggers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench responses`: N answers POSTed to the survey form on the local host's Kestrel, through the
/// responses queue and the TallyResponse queue trigger into the private tallies, timed until every one is
/// counted; and in the same run the raw storage operations of the same responses (queue send, receive, delete
/// and one entity-group transaction each), and the survey's own submission protocol issued raw (token and wave
/// reads, held send, token update, reveal; see <see cref="RawStorage"/>). The three are alternated round by round
/// after a warm-up (<see cref="Alternation"/>); every round's rates, and both ratios as medians over the rounds.
/// </summary>
internal static class ResponsesBench
{
    public const double Target = 0.7;

    public const double ProtocolTarget = 0.8;

    public static async Task<int> RunAsync(int employees, int rounds, bool profile, int seed, CancellationToken cancellationToken)
    {
        if (profile)
        {
            Profile.Start();
        }

        BenchOutput.Heading($"pulse bench responses: {employees} responses a round, {rounds} rounds after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        // One wave for all rounds; each round answers with a slice of its employees (all units, fresh tokens), so every
        // round sees the same wave table, grown by the rounds before it, as the raw halves see their own tables.
        var slices = rounds + 1;
        var (wave, units, options) = await OpenWaveAsync(session, employees, slices, seed, cancellationToken);

        List<string> Messages(string kind, int round) => RawMessages(wave.RowKey, kind, round, employees, units, seed + round);
        await using var floor = await RawStorage.CreateAsync(session, "rawresponses", [], cancellationToken);
        await using var protocol = await RawStorage.CreateAsync(
            session,
            "rawsubmissions",
            Enumerable.Range(0, slices).SelectMany(r => Messages("protocol", r)).Select(m => QueueMessages.Parse<ResponseMessage>(m).TokenHash),
            cancellationToken);

        // HTTP and the tally trigger only: the invitations stay queued. Started before the first half of the warm-up,
        // so every half of every round shares the process with it.
        await using var host = LocalPipelineHost.Create(session.Settings, LocalPipelineHost.LocalUrl(), LogLevel.Warning, triggers: [typeof(TallyResponseTrigger)]);
        await host.StartListeningAsync(cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var respondents = new BenchRespondents(session.Get<RosterStore>(), wave.RosterVersion, options.TokenSecret, options.SurveyBaseUrl, seed);
        var answered = 0;
        var results = await Alternation.RunAsync(rounds,
        [
            Raw($"raw storage ops ({BenchRespondents.Concurrency} senders)", round => Messages("floor", round), m => floor.ResponsesAsync(m, BenchRespondents.Concurrency, consumers: 2, cancellationToken)),
            Raw($"raw submission protocol ({BenchRespondents.Concurrency} senders)", round => Messages("protocol", round), m => protocol.SubmissionProtocolAsync(m, BenchRespondents.Concurrency, consumers: 2, cancellationToken)),
            new("pipeline: HTTP POST + queue + tally", "responses", async round =>
            {
                var clock = Stopwatch.StartNew();
                var now = await respondents.AnswerAsync(wave.RowKey, _ => 1.0, http, cancellationToken, round, slices);
                var answering = clock.Elapsed;
                answered += now;
                await WaitForTalliesAsync(session, wave.RowKey, answered, cancellationToken);
                Console.WriteLine($"    answered over HTTP in {answering.TotalSeconds:0.00} s, the last tallied {(clock.Elapsed - answering).TotalSeconds:0.00} s later");
                return now;
            }),
        ]);
        await host.StopAsync(cancellationToken);

        Alternation.Report("responses vs raw storage ops", results, pipeline: 2, raw: 0, Target);
        Alternation.Report("responses vs the same submission protocol issued raw", results, pipeline: 2, raw: 1, ProtocolTarget);
        return 0;
    }

    /// <summary>A roster of employees for every round and one open wave they all answer in (its invitations are not sent).</summary>
    private static async Task<(WaveEntity Wave, int Units, PulseOptions Options)> OpenWaveAsync(BenchSession session, int employees, int slices, int seed, CancellationToken cancellationToken)
    {
        var units = Math.Max(7, employees / 80);
        var (invited, _) = await session.ImportAsync(employees * slices, units, seed, cancellationToken);
        var wave = await session.Get<OpenWaveStep>().OpenAsync(WaveIds.ForSchedule(DateTimeOffset.UtcNow), cancellationToken)
            ?? throw new InvalidOperationException("the wave did not open");
        Console.WriteLine($"  roster: {invited} employees in {units} units, about {employees} answering in each round; wave {wave.RowKey} open (its invitations are not sent here)");
        return (wave, units, session.Get<IOptions<PulseOptions>>().Value);
    }

    /// <summary>A raw half: each round's messages composed before it (not timed), then sent as <paramref name="send"/> does.</summary>
    private static Half Raw(string name, Func<int, List<string>> messagesOf, Func<List<string>, Task> send)
    {
        List<string> messages = [];
        return new(
            name,
            "responses",
            async _ =>
            {
                await send(messages);
                return messages.Count;
            },
            BeforeAsync: round => Task.FromResult(messages = messagesOf(round)));
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
    private static List<string> RawMessages(string waveId, string kind, int round, int count, int units, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => QueueMessages.Serialize(new ResponseMessage(
            "raw" + waveId,
            $"u{i % units}",
            SurveyTokens.Hash($"raw|{kind}|{round}|{i}"),
            Instruments.Current.Version,
            SimulatedRespondents.Answer(Instruments.Current, 0, random)))).ToList();
    }
}
