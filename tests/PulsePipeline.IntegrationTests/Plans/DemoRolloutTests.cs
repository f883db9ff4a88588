using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Demo;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Plans;

/// <summary>
/// The demo's rollout plan through the real registry on Azurite: after the rollout's wave it registers and draws one plan
/// over the flagged departments without an intervention (a flagged parent and a treated department left out), the draw
/// records a planned intervention per member, and the demo's planting starts each member in its drawn wave.
/// </summary>
public sealed class DemoRolloutTests
{
    private const int Waves = DemoPlan.EffectsOnset + 2;

    [Fact]
    public async Task AfterTheRolloutWave_TheFlaggedUntreatedDepartments_AreRegisteredDrawnAndStartedAsDrawn()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await PlanUnits.CreateAsync(pipeline);
        await pipeline.Storage.Flags.UpsertEntityAsync(new FlagEntity { PartitionKey = PlanUnits.Wave, RowKey = TableKeys.Encode("dir1"), Flagged = true });
        var registry = pipeline.Get<InterventionStore>();
        var treated = PlanUnits.Unit(2);
        await registry.AddAsync(new InterventionRecord("", treated, InterventionTypes.Other, DemoRun.WaveId(DemoPlan.EffectsOnset + 1), InterventionStatuses.Running, "demo", ""), AuditActors.CommandLine("demo"), CancellationToken.None);
        var (units, staff) = SimulatedOrganisation.Create(2000, 120, 2027);
        var planting = DemoPlan.For(units, staff, Waves);
        RosterUnit[] roster = [new("min", null, "Ministerie"), new("dir1", "min", "Directie 1"), new("dir2", "min", "Directie 2"), .. PlanUnits.All.Select(u => new RosterUnit(u, u[..4], u))];
        var rollout = new DemoRollout(pipeline.Get<PlanEligibility>(), pipeline.Get<PlanRegistry>(), pipeline.Get<PlanDraws>());

        var before = await rollout.RunAsync(planting, roster, DemoPlan.EffectsOnset - 1, Waves, CancellationToken.None);
        var tooLate = await rollout.RunAsync(planting, roster, DemoPlan.EffectsOnset, DemoPlan.EffectsOnset, CancellationToken.None);
        Assert.Null(before.Drawn);
        Assert.Null(tooLate.Drawn);
        Assert.Empty(await pipeline.Get<PlanStore>().ListAsync(CancellationToken.None));

        var (plan, drawn) = await rollout.RunAsync(planting, roster, DemoPlan.EffectsOnset, Waves, CancellationToken.None);

        Assert.NotNull(drawn);
        var expected = PlanUnits.Flagged.Where(u => u != treated).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, drawn.Eligible.Select(c => c.Unit).Order(StringComparer.Ordinal));
        Assert.Equal(PlanStatuses.Drawn, (await pipeline.Get<PlanStore>().GetAsync(drawn.Id, CancellationToken.None))!.Status);
        Assert.Equal([DemoRun.WaveId(DemoPlan.EffectsOnset + 1), DemoRun.WaveId(DemoPlan.EffectsOnset + 2)], drawn.StartWaves);
        var members = drawn.Drawing!.Members;
        Assert.Equal(members.ToDictionary(m => m.Unit, m => DemoRun.WaveNumber(m.StartWave)), plan.PlanStarts);
        Assert.Equal(2, members.Select(m => m.StartWave).Distinct().Count());
        var recorded = (await registry.ListAsync(null, CancellationToken.None)).Select(s => s.Intervention).Where(i => i.Plan == drawn.Id).ToList();
        Assert.Equal(members.Select(m => (m.Unit, m.StartWave)).Order(), recorded.Select(i => (i.Unit, i.StartWave)).Order());
        Assert.All(recorded, i => Assert.Equal((InterventionStatuses.Planned, InterventionTypes.GoodConversation), (i.Status, i.Type)));
    }
}
