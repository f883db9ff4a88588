using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Tallies;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// An open wave for ingest tests: its invitation batches are dropped (these tests are about answers), and employees
/// answer through the survey form over HTTP with seeded random answers. It keeps what every unit's tally must be.
/// </summary>
internal sealed class AnsweredWave
{
    public const string WaveId = "2027-03";

    private readonly ConcurrentDictionary<string, PrivateTally> expected = new(StringComparer.Ordinal);
    private readonly byte[] secret;

    private AnsweredWave(TestPipeline pipeline, Models.Roster.Roster roster)
    {
        Pipeline = pipeline;
        Roster = roster;
        secret = Encoding.UTF8.GetBytes(pipeline.Settings.Overrides["PULSE_TOKEN_SECRET"]!);
    }

    public TestPipeline Pipeline { get; }

    public Models.Roster.Roster Roster { get; }

    /// <summary>How many answers were accepted (200) so far.</summary>
    public int Answered => expected.Values.Sum(t => (int)t.N);

    /// <remarks>With <paramref name="invite"/> the invitation batches stay on the queue; by default they are dropped.</remarks>
    public static async Task<AnsweredWave> OpenAsync(TestPipeline pipeline, int employees, int units, int seed, bool invite = false)
    {
        var roster = await pipeline.ImportAsync(employees, units, seed);
        await pipeline.Get<OpenWaveStep>().OpenAsync(WaveId, CancellationToken.None);
        if (!invite)
        {
            await pipeline.Storage.Queue(StorageNames.InvitationsQueue).ClearMessagesAsync();
        }

        return new AnsweredWave(pipeline, roster);
    }

    public string Token(RosterEmployee employee) => SurveyTokens.Derive(secret, WaveId, employee.Id);

    public static Dictionary<string, int> RandomAnswers(Random random) =>
        Instruments.Current.Items.ToDictionary(i => i.Id, _ => random.Next(SurveyItem.MinAnswer, SurveyItem.MaxAnswer + 1), StringComparer.Ordinal);

    public static string FormBody(IReadOnlyDictionary<string, int> answers) =>
        string.Join('&', answers.Select(a => $"{a.Key}={a.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Posts one answer set for the employee; on 200 it is added to the expected tally of their unit.</summary>
    public async Task<HttpStatusCode> PostAsync(HttpClient http, RosterEmployee employee, IReadOnlyDictionary<string, int> answers)
    {
        using var body = new StringContent(FormBody(answers), Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(new Uri($"{Pipeline.BaseUrl}/survey/{Token(employee)}"), body);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Expect(employee.Unit, answers);
        }

        return response.StatusCode;
    }

    /// <summary>Every one of <paramref name="employees"/> answers (seeded), in parallel; each must be accepted.</summary>
    public async Task AnswerAllAsync(IEnumerable<RosterEmployee> employees, int seed)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var work = employees.Select((e, i) => (Employee: e, Answers: RandomAnswers(new Random(seed + i)))).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (w, _) =>
        {
            var status = await PostAsync(http, w.Employee, w.Answers);
            Assert.True(status == HttpStatusCode.OK, $"an answer was refused with {(int)status}");
        });
    }

    /// <summary>
    /// Every one of <paramref name="employees"/> answers (seeded), straight onto the responses queue: the message the
    /// form enqueues for a valid answer set (wave, unit, token hash, instrument version, answers), many times faster
    /// than through HTTP, for tests about what happens behind the queue.
    /// </summary>
    public async Task EnqueueAllAsync(IEnumerable<RosterEmployee> employees, int seed)
    {
        var messages = employees.Select((e, i) =>
        {
            var answers = RandomAnswers(new Random(seed + i));
            Expect(e.Unit, answers);
            return new ResponseMessage(WaveId, e.Unit, SurveyTokens.Hash(Token(e)), Instruments.Current.Version, answers);
        }).ToList();
        await Pipeline.Get<QueueSender>().SendManyAsync(StorageNames.ResponsesQueue, messages, CancellationToken.None);
    }

    /// <summary>Messages on the queue, visible or not (Azurite and Azure both count invisible ones).</summary>
    public async Task<int> QueuedAsync(string queue, bool poison = false) =>
        (await (poison ? Pipeline.Storage.PoisonQueue(queue) : Pipeline.Storage.Queue(queue)).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Polls until the responses queue is empty, counting invisible messages too.</summary>
    public async Task WaitUntilResponsesDrainedAsync(TimeSpan deadline) =>
        await Polling.UntilAsync(_ => QueuedAsync(StorageNames.ResponsesQueue), n => n == 0, deadline, null, "the responses queue to drain", CancellationToken.None);

    /// <summary>Every unit's stored tally equals the answers accepted for it, exactly; units nobody answered for have none.</summary>
    /// <param name="poisoned">How many messages the test itself put on the responses queue to be poisoned.</param>
    public async Task AssertTalliesExactAsync(int poisoned = 0)
    {
        Assert.Equal(poisoned, await QueuedAsync(StorageNames.ResponsesQueue, poison: true));
        var table = await Pipeline.WaveTableAsync(WaveId);
        foreach (var unit in Roster.Units)
        {
            var stored = await table.GetEntityIfExistsAsync<TallyEntity>(TallyEntity.Partition(unit.Id), TallyEntity.Row);
            if (!expected.TryGetValue(unit.Id, out var want))
            {
                Assert.False(stored.HasValue, $"unit {unit.Id} has a tally but nobody answered for it");
                continue;
            }

            Assert.True(stored.HasValue, $"unit {unit.Id} has no tally");
            var got = stored.Value!.ToTally();
            Assert.Equal(want.N, got.N);
            foreach (var (construct, totals) in want.Constructs)
            {
                Assert.Equal(totals, got.Constructs[construct]);
            }

            foreach (var (item, counts) in want.Counts)
            {
                Assert.Equal(counts, got.Counts[item]);
            }
        }
    }

    /// <summary>Adds an answer set the test saw accepted to what the unit's tally must hold.</summary>
    public void Expect(string unit, IReadOnlyDictionary<string, int> answers) =>
        expected.AddOrUpdate(unit, _ => PrivateTally.Empty(Instruments.Current).Add(Instruments.Current, answers), (_, t) => t.Add(Instruments.Current, answers));
}
