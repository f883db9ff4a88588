using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Tallies;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Alerts;

public sealed class DetectionAndAlertTests
{
    private const string Units = "unit,parent,name\nroot,,Ministerie\na,root,Directie Beleid\nb,root,Directie <Uitvoering> & Toezicht\nc,root,Directie Financiën\nd,root,Directie Personeel\n";

    [Fact]
    public async Task APublishedShift_IsFlagged_AndIpimGetsExactlyOneDigest_EvenWhenMessagesAreRedelivered()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var ipim = $"ipim@{pipeline.EmailDomain}";
        await pipeline.ImportAsync(Units, "employee_id,email,language,unit\n" + string.Join('\n',
            new[] { "a", "b", "c", "d" }.SelectMany(u => Enumerable.Range(1, 40).Select(i => $"{u}{i},{u}{i}@x.example,nl,{u}"))));

        // Four quiet waves, then unit b's climate turns sharply worse in wave 5 and stays so in wave 6.
        for (var wave = 1; wave <= 6; wave++)
        {
            await RunWaveAsync(pipeline, $"2027-0{wave}", wave, climateOfB: wave >= 5 ? 1.6 : 0);
        }

        var flags = await pipeline.Storage.Flags.QueryAsync<FlagEntity>(f => f.PartitionKey == "2027-05").ToDictionaryAsync(f => f.RowKey);
        Assert.True(flags["b"].Flagged, flags["b"].Reasons);
        Assert.Contains("pressure", flags["b"].Reasons, StringComparison.Ordinal);
        Assert.False(flags["a"].Flagged, flags["a"].Reasons);
        Assert.False(string.IsNullOrEmpty(flags["b"].ModelVersion));

        var digests = await pipeline.Mailbox.ListAsync(ipim, CancellationToken.None);
        var wave5 = Assert.Single(digests, d => d.Subject.Contains("2027-05", StringComparison.Ordinal));
        Assert.DoesNotContain(digests, d => d.Subject.Contains("2027-06", StringComparison.Ordinal)); // b still flagged, not worse: not raised again
        var text = await pipeline.Mailbox.PlainTextAsync(wave5.Id, CancellationToken.None);
        Assert.Contains("Ministerie › Directie <Uitvoering> & Toezicht", text, StringComparison.Ordinal);
        // In Dutch, IPIM's language, by default: the detector's reasons included, worded from their data.
        Assert.Matches(@"Wat veranderde: .*druk \+\d,\d\d \(±\d,\d\d\)", text);
        Assert.Matches(@"Verloop druk \(hoger is slechter\): (\d,\d\d → ){3}\d,\d\d: ", text);
        Assert.Contains("Suggestie: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("What moved", text, StringComparison.Ordinal);
        var html = await pipeline.Mailbox.HtmlAsync(wave5.Id, CancellationToken.None);
        Assert.Contains("Directie &lt;Uitvoering&gt; &amp; Toezicht", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<Uitvoering>", html, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Storage.Alerts.QueryAsync<AlertEntity>(a => a.PartitionKey == "2027-06" && a.RowKey == "b").ToListAsync());
    }

    /// <summary>A whole wave through the steps, every queue message of detection and alerting delivered twice.</summary>
    private static async Task RunWaveAsync(TestPipeline pipeline, string waveId, int seed, double climateOfB)
    {
        await pipeline.Get<OpenWaveStep>().OpenAsync(waveId, CancellationToken.None);
        var tally = pipeline.Get<TallyResponseStep>();
        var random = new Random(seed);
        foreach (var unit in new[] { "a", "b", "c", "d" })
        {
            for (var i = 0; i < 32; i++)
            {
                var answers = SimulatedRespondents.Answer(Instruments.Current, unit == "b" ? climateOfB : 0, random);
                await tally.HandleAsync(Responses.Json(Responses.Uniform(waveId, unit, 3) with { Answers = answers }), CancellationToken.None);
            }
        }

        await pipeline.Get<WaveStore>().EndEarlyAsync(waveId, DateTimeOffset.UtcNow, CancellationToken.None);
        await pipeline.Get<CloseWavesStep>().RunAsync(CancellationToken.None);
        var message = QueueMessages.Serialize(new WaveMessage(waveId));
        foreach (var step in new Func<string, CancellationToken, Task>[] { pipeline.Get<PublishWaveStep>().HandleAsync, pipeline.Get<DetectShiftsStep>().HandleAsync, pipeline.Get<EstimateEffectsStep>().HandleAsync, pipeline.Get<SendAlertsStep>().HandleAsync })
        {
            await step(message, CancellationToken.None);
            await step(message, CancellationToken.None);
        }

        foreach (var queue in StorageNames.Queues)
        {
            await pipeline.Storage.Queue(queue).ClearMessagesAsync();
        }
    }
}
