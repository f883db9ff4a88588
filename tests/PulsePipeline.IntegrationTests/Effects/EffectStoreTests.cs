using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Effects;

public sealed class EffectStoreTests
{
    [Fact]
    public async Task WritingAWave_ReplacesItsRowsExactly_DeletingThoseNoLongerInTheReport_AndNoOtherWaves()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var store = pipeline.Get<EffectStore>();
        await store.WriteAsync("2025-01", Report("a", "b", "c"), CancellationToken.None);
        await store.WriteAsync("2025-02", Report("a", "b", "c"), CancellationToken.None);

        await store.WriteAsync("2025-02", Report("b"), CancellationToken.None);

        Assert.Equal(Keys("b"), Keys(await store.ReadAsync("2025-02", CancellationToken.None)));
        Assert.Equal(6, (await store.ReadAsync("2025-01", CancellationToken.None)).Count);
    }

    private static EffectReport Report(params string[] ids) => new(
        "2025-02",
        ["2025-01", "2025-02"],
        [.. ids.SelectMany(id => EffectEstimator.Constructs.Select(c => Effect(id, c)))],
        [],
        []);

    private static InterventionEffect Effect(string id, Construct construct) =>
        new(new PlannedIntervention(id, "u1", InterventionTypes.Other, "2025-01"), construct, ["2025-01"], 3, 0.1, -0.2, 0.4, EffectVerdict.NoClearChange, InconclusiveReason.None);

    private static string[] Keys(string id) =>
        [.. EffectEstimator.Constructs.Select(c => EffectEntity.UnitRow(id, EffectWords.Id(c))).Order(StringComparer.Ordinal)];

    private static string[] Keys(IEnumerable<EffectEntity> rows) =>
        [.. rows.Select(r => r.RowKey).Order(StringComparer.Ordinal)];
}
