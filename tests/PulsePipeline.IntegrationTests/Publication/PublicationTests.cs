using Azure.Data.Tables;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Publication;

public sealed class PublicationTests
{
    private const string Units = "unit,parent,name\nroot,,Ministerie\na,root,Afdeling A\nb,root,Afdeling B\nc,root,Afdeling C\n";

    [Fact]
    public async Task AClosedWave_IsPublishedAsComputedByHand_AndNoMarkerOrTokenSurvives()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync(Units, Employees(("root", 2), ("a", 8), ("b", 6), ("c", 4)));
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        // Every respondent gives one answer x to every item: pressure and norms score x, speak-up (x + 12) / 5
        // because two of its five items are reverse-coded.
        var tally = pipeline.Get<TallyResponseStep>();
        foreach (var (unit, answers) in new[] { ("a", new[] { 1, 2, 2, 3, 4, 5 }), ("b", new[] { 5, 5, 4, 4, 4 }), ("c", new[] { 1, 1 }) })
        {
            foreach (var x in answers)
            {
                await tally.HandleAsync(Responses.Json(Responses.Uniform("2027-03", unit, x)), CancellationToken.None);
            }
        }

        await CloseAsync(pipeline, "2027-03");
        await pipeline.Get<PublishWaveStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage("2027-03")), CancellationToken.None);
        var published = await PublishedAsync(pipeline, "2027-03");

        // k = 5. c (2) is below k. Root (13) minus a (6) and b (5) would leave c's 2 recoverable, so the
        // next-smallest sibling b is suppressed too; root minus a leaves 7 ≥ k.
        var a = published["a"];
        Assert.True(a.Published);
        Assert.Equal(6, a.N);
        Assert.Equal(8, a.Invited);
        Assert.Equal(0.75, a.ResponseRate!.Value, 12);
        Assert.Equal(17.0 / 6, a.PressureMean!.Value, 12);
        Assert.Equal(1.4719601443879744, a.PressureSd!.Value, 12);
        Assert.Equal(2.9666666666666663, a.SpeakUpMean!.Value, 12);
        Assert.Equal(0.2943920288775949, a.SpeakUpSd!.Value, 12);
        Assert.Equal(17.0 / 6, a.NormsMean!.Value, 12);
        Assert.Contains("\"p1\":[1,2,1,1,1]", a.Items, StringComparison.Ordinal);

        var root = published["root"];
        Assert.True(root.Published);
        Assert.Equal(13, root.N);
        Assert.Equal(20, root.Invited);
        Assert.Equal(41.0 / 13, root.PressureMean!.Value, 12);
        Assert.Equal(1.573009527739414, root.PressureSd!.Value, 12);
        Assert.Equal(3.0307692307692307, root.SpeakUpMean!.Value, 12);
        Assert.Equal(0.3146019055478828, root.SpeakUpSd!.Value, 12);

        foreach (var hidden in new[] { published["b"], published["c"] })
        {
            Assert.False(hidden.Published);
            Assert.Null(hidden.N);
            Assert.Null(hidden.Invited);
            Assert.Null(hidden.ResponseRate);
            Assert.Null(hidden.PressureMean);
            Assert.Equal("", hidden.Items);
        }

        // Each says truthfully why, without a count: c had fewer than k; b had enough, but would have exposed c.
        Assert.Equal(nameof(SuppressionReason.FewerThanK), published["c"].Withheld);
        Assert.Equal(nameof(SuppressionReason.Secondary), published["b"].Withheld);
        Assert.Equal("", a.Withheld);

        // The wave's table, with every token row and marker, is gone; the private tallies stay, in the permanent table.
        var wave = (await pipeline.Get<WaveStore>().GetAsync("2027-03", CancellationToken.None))!;
        Assert.Equal(WaveStates.Published, wave.State);
        Assert.False(await pipeline.Get<StorageClients>().Tables.TableExistsAsync(wave.Table, CancellationToken.None));
        Assert.Empty(await pipeline.Storage.Tallies.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("m|") >= 0 && e.RowKey.CompareTo("m}") < 0).ToListAsync());
        var archived = await pipeline.Storage.Tallies.QueryAsync<TallyEntity>(t => t.PartitionKey == "2027-03").ToDictionaryAsync(t => t.Unit, t => t.N);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["b"] = 5, ["c"] = 2 }, archived);

        // Publication is a pure function of the tallies: a rerun writes the same rows.
        await pipeline.Get<PublishWaveStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage("2027-03")), CancellationToken.None);
        var again = await PublishedAsync(pipeline, "2027-03");
        Assert.Equal(published.Values.Select(Figures), again.Values.Select(Figures));
    }

    [Theory]
    [InlineData("after part of the copy")]
    [InlineData("after the copy")]
    [InlineData("after the wave's table was deleted")]
    public async Task APublicationThatCrashed_ConvergesOnRerun_ToTheSameRows_WithNoTokenOrMarkerLeft(string crash)
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync(Units, Employees(("root", 2), ("a", 8), ("b", 6), ("c", 4)));
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-06", CancellationToken.None);
        var tally = pipeline.Get<TallyResponseStep>();
        foreach (var (unit, answers) in new[] { ("a", new[] { 1, 2, 2, 3, 4, 5 }), ("b", new[] { 5, 5, 4, 4, 4 }), ("c", new[] { 1, 1 }) })
        {
            foreach (var x in answers)
            {
                await tally.HandleAsync(Responses.Json(Responses.Uniform("2027-06", unit, x)), CancellationToken.None);
            }
        }

        await CloseAsync(pipeline, "2027-06");
        var waves = pipeline.Get<WaveStore>();
        var archive = pipeline.Get<WaveArchive>();
        var wave = (await waves.GetAsync("2027-06", CancellationToken.None))!;
        switch (crash)
        {
            case "after part of the copy":
                // A copy that stopped halfway, and wrong at that: unit b's tally where a's belongs.
                var b = (await pipeline.Storage.WaveTable(wave).GetEntityAsync<TallyEntity>(TallyEntity.Partition("b"), TallyEntity.Row)).Value;
                var stale = b.Archived("2027-06");
                stale.RowKey = TableKeys.Encode("a");
                await pipeline.Storage.Tallies.UpsertEntityAsync(stale);
                break;
            case "after the copy":
                await archive.TalliesAsync(wave, CancellationToken.None);
                break;
            default:
                await archive.TalliesAsync(wave, CancellationToken.None);
                await archive.DeleteWaveTableAsync(wave, CancellationToken.None);
                break;
        }

        await pipeline.Get<PublishWaveStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage("2027-06")), CancellationToken.None);

        var published = await PublishedAsync(pipeline, "2027-06");
        Assert.Equal(6, published["a"].N);
        Assert.Equal(17.0 / 6, published["a"].PressureMean!.Value, 12);
        Assert.Equal(13, published["root"].N);
        Assert.False(published["b"].Published);
        wave = (await waves.GetAsync("2027-06", CancellationToken.None))!;
        Assert.Equal(WaveStates.Published, wave.State);
        Assert.False(await pipeline.Get<StorageClients>().Tables.TableExistsAsync(wave.Table, CancellationToken.None));
        var archived = await pipeline.Storage.Tallies.QueryAsync<TallyEntity>(t => t.PartitionKey == "2027-06").ToDictionaryAsync(t => t.Unit, t => t.N);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["b"] = 5, ["c"] = 2 }, archived);
    }

    [Fact]
    public async Task Publication_WaitsWhileResponsesAreQueued()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync(Units, Employees(("a", 5)));
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-04", CancellationToken.None);
        await pipeline.Get<QueueSender>().SendAsync(StorageNames.ResponsesQueue, Responses.Uniform("2027-04", "a", 3), CancellationToken.None);
        await CloseAsync(pipeline, "2027-04");
        await Invitations.InvitationTests.DrainAsync(pipeline, StorageNames.PublishQueue);

        await pipeline.Get<PublishWaveStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage("2027-04")), CancellationToken.None);

        Assert.Empty(await PublishedAsync(pipeline, "2027-04"));
        Assert.Equal(WaveStates.Closed, (await pipeline.Get<WaveStore>().GetAsync("2027-04", CancellationToken.None))!.State);
        var deferred = await pipeline.Storage.Queue(StorageNames.PublishQueue).GetPropertiesAsync();
        Assert.Equal(1, deferred.Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task AnOpenWave_IsNeverPublished()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync(Units, Employees(("a", 5)));
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-05", CancellationToken.None);

        await pipeline.Get<PoisonMessages>().RunAsync(StorageNames.PublishQueue, QueueMessages.Serialize(new WaveMessage("2027-05")), 1, pipeline.Get<PublishWaveStep>().HandleAsync, CancellationToken.None);

        Assert.Empty(await PublishedAsync(pipeline, "2027-05"));
        var poisoned = await pipeline.Storage.PoisonQueue(StorageNames.PublishQueue).GetPropertiesAsync();
        Assert.Equal(1, poisoned.Value.ApproximateMessagesCount);
    }

    private static async Task CloseAsync(TestPipeline pipeline, string waveId)
    {
        await pipeline.Get<WaveStore>().EndEarlyAsync(waveId, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Contains(waveId, await pipeline.Get<CloseWavesStep>().RunAsync(CancellationToken.None));
    }

    private static string Employees(params (string Unit, int Count)[] units) =>
        "employee_id,email,language,unit\n" + string.Join('\n', units.SelectMany(u => Enumerable.Range(1, u.Count).Select(i => $"{u.Unit}-{i},{u.Unit}-{i}@x.example,nl,{u.Unit}")));

    private static async Task<Dictionary<string, PublishedEntity>> PublishedAsync(TestPipeline pipeline, string waveId) =>
        await pipeline.Storage.Published.QueryAsync<PublishedEntity>(p => p.PartitionKey == waveId).ToDictionaryAsync(p => p.RowKey, StringComparer.Ordinal);

    private static string Figures(PublishedEntity p) => $"{p.RowKey} {p.Published} {p.N} {p.PressureMean} {p.PressureSd} {p.SpeakUpMean} {p.Items}";
}
