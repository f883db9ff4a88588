using System.Net;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Bench;
using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Effects;

public sealed class EstimateEffectsTests
{
    [Fact]
    public async Task AfterAWave_EffectsAreStored_AndTheDigestReportsThem_OnceAndTheSame_WhenEveryMessageArrivesTwice()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var (world, history) = await EffectHistorySeed.WriteAsync(pipeline.Storage, pipeline.Get<Pipeline.Interventions.InterventionStore>(), units: 300, waves: 10, seed: 7);
        var wave = world.Waves[^1];
        var message = QueueMessages.Serialize(new WaveMessage(wave));

        await pipeline.Get<DetectShiftsStep>().HandleAsync(message, CancellationToken.None);
        await pipeline.Get<DetectShiftsStep>().HandleAsync(message, CancellationToken.None);
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.EffectsQueue, pipeline.Get<EstimateEffectsStep>().HandleAsync, times: 2);
        var first = Snapshot(await pipeline.Get<EffectStore>().ReadAsync(wave, CancellationToken.None));
        await pipeline.Get<EstimateEffectsStep>().HandleAsync(message, CancellationToken.None);
        var again = Snapshot(await pipeline.Get<EffectStore>().ReadAsync(wave, CancellationToken.None));
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.AlertsQueue, pipeline.Get<SendAlertsStep>().HandleAsync, times: 2);

        // Stored: every intervention with a post wave (both constructs) and every pooled row, and the same on every rerun.
        var rows = await pipeline.Get<EffectStore>().ReadAsync(wave, CancellationToken.None);
        var expected = EffectEstimator.Estimate(history, [.. (await pipeline.Get<Pipeline.Interventions.InterventionStore>().ListAsync(null, CancellationToken.None))
            .Select(s => new PlannedIntervention(s.Intervention.Id, s.Intervention.Unit, s.Intervention.Type, s.Intervention.StartWave))], wave);
        Assert.Equal(expected.Effects.Count(EffectStore.IsStored) + expected.Pooled.Count, rows.Count);
        Assert.Equal(first, again);
        Assert.Contains(rows, r => !r.IsPooled && r.Verdict != "inconclusive");
        Assert.Contains(rows, r => r.IsPooled && r.Estimate is not null);
        Assert.DoesNotContain(rows, r => !r.IsPooled && r.PostWaveIds.Split(',').Any(w => string.CompareOrdinal(w, wave) > 0));

        // One digest, in Dutch by default, with the effects section worded from the stored rows.
        var ipim = $"ipim@{pipeline.EmailDomain}";
        await pipeline.WaitForMailsAsync(1);
        var digests = (await pipeline.Mailbox.ListAsync(ipim, CancellationToken.None)).Where(d => d.Subject.Contains(wave, StringComparison.Ordinal)).ToList();
        var digest = Assert.Single(digests);
        var text = await pipeline.Mailbox.PlainTextAsync(digest.Id, CancellationToken.None);
        var html = await pipeline.Mailbox.HtmlAsync(digest.Id, CancellationToken.None);
        var words = EffectTexts.For(Language.Nl);
        Assert.Contains(words.Heading, text, StringComparison.Ordinal);
        var conclusive = rows.First(r => !r.IsPooled && r.Verdict != "inconclusive" && r.PostWaveIds.Split(',')[^1] == wave);
        Assert.Contains(words.Line(EffectRows.ToEffect(conclusive)), text, StringComparison.Ordinal);
        Assert.Matches(@"95%-interval [+-]\d,\d\d tot [+-]\d,\d\d", text);
        var pooled = rows.First(r => r.IsPooled && r.Estimate is not null && rows.Any(u => !u.IsPooled && u.Type == r.Type && u.PostWaveIds.Split(',')[^1] == wave));
        Assert.Contains(words.Pooled(EffectRows.ToPooled(pooled)), text, StringComparison.Ordinal);

        // An inconclusive one says why and what would make it conclusive.
        var inconclusive = Assert.Single(rows, r => r.Unit == EffectHistorySeed.Tiny && r.Construct == "pressure");
        Assert.Equal("inconclusive", inconclusive.Verdict);
        var effect = EffectRows.ToEffect(inconclusive);
        // The counts behind its words are stored as the estimator gave them, and the digest words them.
        var estimated = expected.Effects.Single(e => e.Intervention.Unit == EffectHistorySeed.Tiny && e.Construct == Construct.Pressure);
        Assert.Equal(estimated.Missing, effect.Missing);
        Assert.NotEqual(EffectShortfall.None, effect.Missing);
        Assert.Contains($"onbeslist — {EffectReasonTexts.Why(effect, Language.Nl)}; {EffectReasonTexts.ConclusiveWhen(effect, Language.Nl)}", text, StringComparison.Ordinal);

        // Unit names are HR's: shown as text, never as markup.
        Assert.Contains(WebUtility.HtmlEncode(EffectHistorySeed.NameOf(conclusive.Unit)), html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<{conclusive.Unit}>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUnitNeverPublished_GetsStoredInconclusiveRowsWithItsReason_AndATypeOutsideTheCatalogue_IsPooledUnderItsOwnId()
    {
        const string Silent = "stil", Retired = "oud-type";
        await using var pipeline = await TestPipeline.CreateAsync();
        var (world, _) = await EffectHistorySeed.WriteAsync(pipeline.Storage, pipeline.Get<Pipeline.Interventions.InterventionStore>(), units: 300, waves: 10, seed: 13);
        var wave = world.Waves[^1];
        foreach (var w in world.Waves)
        {
            await pipeline.Storage.WaveUnits.UpsertEntityAsync(new WaveUnitEntity { PartitionKey = w, RowKey = TableKeys.Encode(Silent), Invited = 3 });
            await pipeline.Storage.Published.UpsertEntityAsync(new PublishedEntity { PartitionKey = w, RowKey = TableKeys.Encode(Silent), Published = false, Invited = 3 });
        }

        var added = await pipeline.Get<Pipeline.Interventions.InterventionStore>().AddAsync(new InterventionRecord("", Silent, InterventionTypes.Other, world.Waves[5], InterventionStatuses.Running, "ipim", ""), Actors.Named("test"), CancellationToken.None);
        Assert.Equal(InterventionWriteOutcome.Saved, added.Outcome);
        // A type an older catalogue or another registry had: the registry's rules refuse it now, but stored rows may hold it.
        var untreated = world.Rows.GroupBy(r => r.Unit).Where(g => g.All(r => r.IsPublished) && world.Interventions.All(i => i.Intervention.Unit != g.Key)).Select(g => g.Key).Take(6).ToList();
        foreach (var (unit, i) in untreated.Select((u, i) => (u, i)))
        {
            var record = new InterventionRecord($"retired-{i}", unit, Retired, world.Waves[6], InterventionStatuses.Running, "ipim", "");
            await pipeline.Storage.Interventions.SubmitTransactionAsync(InterventionRows.Insert(record));
        }

        await pipeline.Get<EstimateEffectsStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage(wave)), CancellationToken.None);

        var rows = await pipeline.Get<EffectStore>().ReadAsync(wave, CancellationToken.None);
        var silent = rows.Where(r => r.Unit == Silent).ToList();
        Assert.Equal(2, silent.Count);
        Assert.All(silent, r => Assert.Equal(("inconclusive", nameof(InconclusiveReason.NoPublishedWave), 0), (r.Verdict, r.Reason, r.PostWaves)));
        Assert.Equal(12, rows.Count(r => !r.IsPooled && r.Type == Retired));
        var pooled = rows.Where(r => r.IsPooled && r.Type == Retired).ToList();
        Assert.Equal(2, pooled.Count);
        Assert.All(pooled, p => Assert.Equal(rows.Count(r => !r.IsPooled && r.Type == Retired && r.Construct == p.Construct && r.Estimate is not null), p.PostWaves));
    }

    [Fact]
    public async Task AWaveWithNewEffectsButNoFlags_StillSendsTheDigest()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var (world, _) = await EffectHistorySeed.WriteAsync(pipeline.Storage, pipeline.Get<Pipeline.Interventions.InterventionStore>(), units: 300, waves: 10, seed: 11);
        var wave = world.Waves[^1];
        var message = QueueMessages.Serialize(new WaveMessage(wave));

        // No unit flagged this wave: only the organisation row, as detection writes it when nothing moved.
        await pipeline.Storage.Flags.UpsertEntityAsync(new FlagEntity { PartitionKey = wave, RowKey = FlagEntity.OrganisationRow, Status = "none", Reasons = "" });
        await pipeline.Get<EstimateEffectsStep>().HandleAsync(message, CancellationToken.None);
        await pipeline.Get<SendAlertsStep>().HandleAsync(message, CancellationToken.None);

        var ipim = $"ipim@{pipeline.EmailDomain}";
        await pipeline.WaitForMailsAsync(1);
        var digest = Assert.Single(await pipeline.Mailbox.ListAsync(ipim, CancellationToken.None), d => d.Subject.Contains(wave, StringComparison.Ordinal));
        var text = await pipeline.Mailbox.PlainTextAsync(digest.Id, CancellationToken.None);
        Assert.Contains(EffectTexts.For(Language.Nl).Heading, text, StringComparison.Ordinal);
        Assert.Contains(DigestTexts.For(Language.Nl).NothingRaised, text, StringComparison.Ordinal);
    }

    private static List<string> Snapshot(IReadOnlyList<EffectEntity> rows) =>
        [.. rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => string.Join('|', r.RowKey, r.Verdict, r.Reason, r.Estimate, r.CiLow, r.CiHigh, r.PostWaveIds, r.PreWaves, r.ComparisonUnits, r.MoreWavesNeeded, r.PreWavesMissing, r.ComparisonUnitsMissing, r.ComparisonWindowsMissing, r.UnitsMissing))];
}
