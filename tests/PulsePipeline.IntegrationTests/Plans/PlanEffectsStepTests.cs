using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Bench;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Plans;

/// <summary>
/// The effects step estimates every drawn plan from published figures only, as `pulse effects` would (the same estimator
/// on the same rows), stores it per wave beside the observational effects, and the digest reports a plan once: in the
/// wave its window closes.
/// </summary>
public sealed class PlanEffectsStepTests
{
    [Fact]
    public async Task DrawnPlans_AreEstimatedEachWave_AndTheDigestReportsThemWhenTheirWindowCloses()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var registry = pipeline.Get<InterventionStore>();
        var (world, history) = await EffectHistorySeed.WriteAsync(pipeline.Storage, registry, units: 300, waves: 10, seed: 17);
        var plans = await PlanHistorySeed.WriteAsync(pipeline.Storage, registry, history, plans: 2, members: 20, cohorts: 3, seed: 17);
        var ipim = $"ipim@{pipeline.EmailDomain}";
        var texts = new List<string>();
        foreach (var wave in world.Waves.TakeLast(2))
        {
            // No unit flagged: the digest is sent for its news alone.
            await pipeline.Storage.Flags.UpsertEntityAsync(new FlagEntity { PartitionKey = wave, RowKey = FlagEntity.OrganisationRow, Status = "none", Reasons = "" });
            var message = QueueMessages.Serialize(new WaveMessage(wave));
            await pipeline.Get<EstimateEffectsStep>().HandleAsync(message, CancellationToken.None);
            await pipeline.Get<EstimateEffectsStep>().HandleAsync(message, CancellationToken.None);
            await pipeline.Get<SendAlertsStep>().HandleAsync(message, CancellationToken.None);
            await pipeline.WaitForMailsAsync(texts.Count + 1);
            var digest = Assert.Single(await pipeline.Mailbox.ListAsync(ipim, CancellationToken.None), d => d.Subject.Contains(wave, StringComparison.Ordinal));
            texts.Add(await pipeline.Mailbox.PlainTextAsync(digest.Id, CancellationToken.None));
        }

        var last = world.Waves[^1];
        var stored = await pipeline.Get<PlanEffectStore>().ReadAsync(last, CancellationToken.None);
        var expected = PlanEstimator.Estimate(history.Where(r => string.CompareOrdinal(r.Wave, last) <= 0).ToList(), [.. plans.OrderBy(p => p.Id, StringComparer.Ordinal).Select(PlanDesigns.Of)], last);
        Assert.Equal(expected.Select(Figures), stored.Select(Figures));
        Assert.All(stored, e => Assert.True(e.WindowClosed && e.IsConclusive && e.Members > 0));

        // Closed with the second-to-last wave (the last cohort's start): reported then, and not again.
        Assert.Contains(PlanWords.DigestHeading(Language.Nl), texts[0], StringComparison.Ordinal);
        Assert.All(stored, e => Assert.Contains(PlanWords.Line(e, Language.Nl), texts[0], StringComparison.Ordinal));
        Assert.DoesNotContain(PlanWords.DigestHeading(Language.Nl), texts[1], StringComparison.Ordinal);
    }

    private static (string, Construct, int, double?, double?, double?, Models.Effects.EffectVerdict) Figures(PlanEffect e) =>
        (e.Plan, e.Construct, e.Members, e.Estimate, e.CiLow, e.CiHigh, e.Verdict);
}
