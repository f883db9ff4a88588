using System.Globalization;
using System.Net;
using System.Text;
using Azure.Data.Tables;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// At-least-once delivery, taken literally: a whole wave in which every queue message (invitations, responses,
/// publish, detect, alerts) is handled twice, every timer runs twice and every answer is submitted twice, against
/// the same wave with everything once. The outcomes must be identical.
/// </summary>
public sealed class RedeliveryTests
{
    private const string WaveId = "2027-03";

    [Fact]
    public async Task AWaveWithEveryMessageDeliveredTwice_EndsExactlyAsWithEachOnce()
    {
        await using var once = await TestPipeline.CreateAsync(DigestAlways);
        await using var twice = await TestPipeline.CreateAsync(DigestAlways);

        var single = await RunWaveAsync(once, times: 1);
        var doubled = await RunWaveAsync(twice, times: 2);

        Assert.All(single.InvitationsPerEmployee, p => Assert.Equal(1, p.Value));
        Assert.Equal(single.InvitationsPerEmployee, doubled.InvitationsPerEmployee);
        Assert.Equal(single.Tallies, doubled.Tallies);
        Assert.Equal(single.Published, doubled.Published);
        Assert.Equal(single.Flags, doubled.Flags);
        Assert.Equal(1, single.Digests);
        Assert.Equal(1, doubled.Digests);
        Assert.Equal((0, 0), single.Leftovers);
        Assert.Equal((0, 0), doubled.Leftovers);
        Assert.Contains(single.Published, row => row.Contains("|True|", StringComparison.Ordinal));
    }

    private static void DigestAlways(Dictionary<string, string?> settings) => settings["PULSE_DIGEST_WHEN_QUIET"] = "true";

    private static async Task<Outcome> RunWaveAsync(TestPipeline pipeline, int times)
    {
        var roster = await pipeline.ImportAsync(employees: 150, units: 10, seed: 71);
        for (var t = 0; t < times; t++)
        {
            await pipeline.Get<OpenWaveStep>().OpenAsync(WaveId, CancellationToken.None);
        }

        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.InvitationsQueue, pipeline.Get<SendInvitationsStep>().HandleAsync, times);
        await pipeline.WaitForMailsAsync(roster.Employees.Count);

        var secret = Encoding.UTF8.GetBytes(pipeline.Settings.Overrides["PULSE_TOKEN_SECRET"]!);
        var random = new Random(72);
        await using (var form = await pipeline.StartHttpHostAsync())
        {
            using var http = new HttpClient { BaseAddress = new Uri(pipeline.BaseUrl) };
            foreach (var (employee, i) in roster.Employees.Select((e, i) => (e, i)))
            {
                var answers = AnsweredWave.RandomAnswers(new Random(720 + i));
                if (random.NextDouble() > 0.8)
                {
                    continue;
                }

                var token = Models.Tokens.SurveyTokens.Derive(secret, WaveId, employee.Id);
                for (var t = 0; t < times; t++)
                {
                    using var body = new StringContent(AnsweredWave.FormBody(answers), Encoding.UTF8, "application/x-www-form-urlencoded");
                    using var response = await http.PostAsync(new Uri($"/survey/{token}", UriKind.Relative), body);
                    Assert.Equal(t == 0 ? HttpStatusCode.OK : HttpStatusCode.Conflict, response.StatusCode);
                }
            }

            await form.StopAsync();
        }

        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.ResponsesQueue, pipeline.Get<TallyResponseStep>().HandleAsync, times);
        await pipeline.Get<WaveStore>().EndEarlyAsync(WaveId, DateTimeOffset.UtcNow, CancellationToken.None);
        for (var t = 0; t < times; t++)
        {
            await pipeline.Get<CloseWavesStep>().RunAsync(CancellationToken.None);
        }

        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.PublishQueue, pipeline.Get<PublishWaveStep>().HandleAsync, times);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.DetectQueue, pipeline.Get<DetectShiftsStep>().HandleAsync, times);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.EffectsQueue, pipeline.Get<EstimateEffectsStep>().HandleAsync, times);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.AlertsQueue, pipeline.Get<SendAlertsStep>().HandleAsync, times);
        foreach (var queue in StorageNames.Queues)
        {
            Assert.Equal(0, (await pipeline.Storage.PoisonQueue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }

        var mails = await pipeline.WaitForMailsAsync(roster.Employees.Count + 1);
        var invitations = mails.Where(m => !m.To[0].StartsWith("ipim@", StringComparison.Ordinal)).ToList();
        var storage = pipeline.Storage;
        var inWave = TableClient.CreateQueryFilter($"PartitionKey eq {WaveId}");
        return new Outcome(
            invitations.GroupBy(m => m.To[0].Split('@')[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            (await storage.Tallies.QueryAsync<TallyEntity>().ToListAsync()).Select(t => $"{t.PartitionKey}|{t.RowKey}|{t.N}|{Describe(t.ToTally())}").Order(StringComparer.Ordinal).ToList(),
            (await storage.Published.QueryAsync<PublishedEntity>(inWave).ToListAsync()).Select(Describe).Order(StringComparer.Ordinal).ToList(),
            (await storage.Flags.QueryAsync<FlagEntity>(inWave).ToListAsync()).Select(Describe).Order(StringComparer.Ordinal).ToList(),
            mails.Count - invitations.Count,
            (await pipeline.Get<StorageClients>().Tables.TableExistsAsync((await pipeline.Get<WaveStore>().GetAsync(WaveId, CancellationToken.None))!.Table, CancellationToken.None) ? 1 : 0,
                (await storage.Tallies.QueryAsync<TableEntity>(t => t.RowKey.CompareTo("m|") >= 0 && t.RowKey.CompareTo("m}") < 0).ToListAsync()).Count));
    }

    private static string Describe(Models.Tallies.PrivateTally t) =>
        string.Join(';', t.Constructs.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value.ItemSum}/{c.Value.ItemSumOfSquares}"))
        + "|" + string.Join(';', t.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={string.Join(',', c.Value)}"));

    private static string Describe(PublishedEntity p) => string.Join('|', p.RowKey, p.Published, p.N, p.Invited, R(p.ResponseRate), R(p.PressureMean), R(p.PressureSd), R(p.SpeakUpMean), R(p.SpeakUpSd), R(p.NormsMean), R(p.NormsSd), p.Items);

    private static string Describe(FlagEntity f) => string.Join('|', f.RowKey, f.Status, f.Flagged, R(f.Score), f.N, R(f.PressureChange), R(f.SpeakUpChange), f.Reasons, f.ModelVersion);

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    private sealed record Outcome(
        Dictionary<string, int> InvitationsPerEmployee,
        List<string> Tallies,
        List<string> Published,
        List<string> Flags,
        int Digests,
        (int WaveTables, int Markers) Leftovers);
}
