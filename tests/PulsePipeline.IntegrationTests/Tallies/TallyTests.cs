using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Tallies;

public sealed class TallyTests
{
    [Fact]
    public async Task DuplicateResponse_IsCountedOnce()
    {
        await using var pipeline = await OpenWaveAsync("2027-03");
        var step = pipeline.Get<TallyResponseStep>();
        var response = Responses.Json(Responses.Uniform("2027-03", "a", 4));

        await step.HandleAsync(response, CancellationToken.None);
        await step.HandleAsync(response, CancellationToken.None);

        var tally = await TallyAsync(pipeline, "2027-03", "a");
        Assert.Equal(1, tally.N);
        Assert.Equal(4 * Instruments.Current.ItemCount(Construct.Pressure), tally.Constructs[Construct.Pressure].ItemSum);
    }

    [Fact]
    public async Task EveryMessageDeliveredTwice_GivesExactCounts()
    {
        await using var pipeline = await OpenWaveAsync("2027-03");
        var step = pipeline.Get<TallyResponseStep>();
        var answers = Enumerable.Range(0, 30).Select(i => 1 + (i % 5)).ToList();
        var messages = answers.Select(a => Responses.Json(Responses.Uniform("2027-03", "b", a))).ToList();

        foreach (var message in messages.Concat(messages.AsEnumerable().Reverse()))
        {
            await step.HandleAsync(message, CancellationToken.None);
        }

        var tally = await TallyAsync(pipeline, "2027-03", "b");
        Assert.Equal(30, tally.N);
        var m = Instruments.Current.ItemCount(Construct.Pressure);
        Assert.Equal(answers.Sum() * m, tally.Constructs[Construct.Pressure].ItemSum);
        Assert.Equal(answers.Sum(a => (long)(a * m) * (a * m)), tally.Constructs[Construct.Pressure].ItemSumOfSquares);
        Assert.Equal(answers.Count(a => a == 3), tally.Counts["p1"][2]);
    }

    [Fact]
    public async Task TwoHundredConcurrentAnswersToOneUnit_AreCountedExactly()
    {
        await using var pipeline = await OpenWaveAsync("2027-03");
        var step = pipeline.Get<TallyResponseStep>();
        var answers = Enumerable.Range(0, 200).Select(i => 1 + (i * 7 % 5)).ToList();

        await Task.WhenAll(answers.Select(a => Task.Run(() => step.HandleAsync(Responses.Json(Responses.Uniform("2027-03", "c", a)), CancellationToken.None))));

        var tally = await TallyAsync(pipeline, "2027-03", "c");
        Assert.Equal(200, tally.N);
        Assert.Equal(answers.Sum() * Instruments.Current.ItemCount(Construct.Norms), tally.Constructs[Construct.Norms].ItemSum);
        Assert.Equal(Enumerable.Range(1, 5).Select(v => (long)answers.Count(a => a == v)), tally.Counts["n1"]);
    }

    [Fact]
    public async Task MalformedResponses_GoToThePoisonQueue_AndChangeNothing()
    {
        await using var pipeline = await OpenWaveAsync("2027-03");
        var poison = pipeline.Get<PoisonMessages>();
        var step = pipeline.Get<TallyResponseStep>();
        var valid = Responses.Uniform("2027-03", "a", 3);
        string[] bad =
        [
            "{",
            Responses.Json(valid with { Answers = valid.Answers.Where(a => a.Key != "p1").ToDictionary() }),
            Responses.Json(valid with { Answers = valid.Answers.ToDictionary(a => a.Key, a => a.Key == "p1" ? 6 : a.Value) }),
            Responses.Json(valid with { InstrumentVersion = "integrity-pulse-v0" }),
            Responses.Json(valid with { WaveId = "1999-01" }),
            Responses.Json(valid with { TokenHash = "not-a-hash" }),
        ];

        foreach (var message in bad)
        {
            await poison.RunAsync(StorageNames.ResponsesQueue, message, 1, step.HandleAsync, CancellationToken.None);
        }

        var poisoned = await pipeline.Storage.PoisonQueue(StorageNames.ResponsesQueue).GetPropertiesAsync();
        Assert.Equal(bad.Length, poisoned.Value.ApproximateMessagesCount);
        var tally = await (await pipeline.WaveTableAsync("2027-03")).GetEntityIfExistsAsync<TallyEntity>(TallyEntity.Partition("a"), TallyEntity.Row);
        Assert.False(tally.HasValue);
    }

    internal static async Task<TestPipeline> OpenWaveAsync(string waveId)
    {
        var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync(
            "unit,parent,name\nroot,,Root\na,root,A\nb,root,B\nc,root,C\n",
            "employee_id,email,language,unit\ne1,e1@x.example,nl,a\ne2,e2@x.example,nl,b\ne3,e3@x.example,en,c\n");
        await pipeline.Get<OpenWaveStep>().OpenAsync(waveId, CancellationToken.None);
        return pipeline;
    }

    private static async Task<Models.Tallies.PrivateTally> TallyAsync(TestPipeline pipeline, string waveId, string unit) =>
        (await (await pipeline.WaveTableAsync(waveId)).GetEntityAsync<TallyEntity>(TallyEntity.Partition(unit), TallyEntity.Row)).Value.ToTally();
}
