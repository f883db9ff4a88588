using Microsoft.Extensions.Time.Testing;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;

namespace PulsePipeline.IntegrationTests.Plans;

/// <summary>
/// Rollout plans in real storage (Azurite): registration with the default eligible units and strata, a draw that can be
/// reproduced from its recorded seed and never redone, planned interventions for every member, withdrawals recorded,
/// every step audited; refusals change nothing.
/// </summary>
public sealed class PlanRegistryTests
{
    private static readonly AuditActor Editor = new("entra-object-1", "Els de Vries");

    [Fact]
    public async Task RegisterDrawWithdraw_IsReproducibleFinalAndAudited()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 20, 10, 0, 0, TimeSpan.Zero));
        await using var pipeline = await TestPipeline.CreateAsync(clock: clock);
        await PlanUnits.CreateAsync(pipeline);
        var interventions = pipeline.Get<InterventionStore>();
        var treated = (await interventions.AddAsync(new InterventionRecord("", PlanUnits.Unit(1), InterventionTypes.Other, "2027-02-01", InterventionStatuses.Running, "Els", ""), Editor, CancellationToken.None)).Intervention!.Intervention;

        var registered = await pipeline.Get<PlanRegistry>().RegisterAsync(Request(units: null, strata: PlanStrata.Ministry), Editor, CancellationToken.None);

        Assert.True(registered.Saved, string.Join("; ", registered.Problems));
        var plan = registered.Plan!;
        Assert.Equal(PlanUnits.Flagged.Where(u => u != treated.Unit), plan.Eligible.Select(c => c.Unit));
        Assert.All(plan.Eligible, c => Assert.Equal(c.Unit[..4], c.Stratum));
        Assert.Equal(["2027-02-01", "2027-03-01", "2027-04-01"], plan.StartWaves);
        Assert.Equal(PlanStatuses.Registered, (await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!.Status);

        var draws = pipeline.Get<PlanDraws>();
        var drawn = await draws.DrawAsync(plan.Id, Editor, CancellationToken.None);
        Assert.True(drawn.Saved, string.Join("; ", drawn.Problems));
        var drawing = drawn.Plan!.Drawing!;
        Assert.True(PlanSeeds.TryParse(drawing.Seed, out var seed));
        Assert.Equal(PlanDraw.Draw(seed, plan.Eligible, plan.StartWaves), drawing.Members);
        Same(drawing, (await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!.Drawing);
        var recorded = (await interventions.ListAsync(null, CancellationToken.None)).Select(s => s.Intervention).Where(i => i.Plan == plan.Id).ToList();
        Assert.Equal(drawing.Members.Select(m => (m.Unit, m.StartWave)), recorded.Select(i => (i.Unit, i.StartWave)).Order());
        Assert.All(recorded, i => Assert.Equal((InterventionStatuses.Planned, plan.Type), (i.Status, i.Type)));

        var again = await draws.DrawAsync(plan.Id, Editor, CancellationToken.None);
        Assert.False(again.Saved);
        Assert.Contains($"(seed {drawing.Seed}); a draw is final", Assert.Single(again.Problems).English, StringComparison.Ordinal);
        Same(drawing, again.Plan!.Drawing);

        var member = drawing.Members[3].Unit;
        var withdrawn = await draws.WithdrawAsync(plan.Id, member, "merged into another unit", Editor, CancellationToken.None);
        Assert.True(withdrawn.Saved, string.Join("; ", withdrawn.Problems));
        var stored = (await pipeline.Get<PlanStore>().GetAsync(plan.Id, CancellationToken.None))!;
        Assert.Equal(new PlanWithdrawal(member, "merged into another unit", Editor.Id, Editor.Name, new DateOnly(2027, 1, 20)), Assert.Single(stored.Withdrawals));
        Assert.Equal(drawing.Members, stored.Drawing!.Members);
        Assert.Equal(InterventionStatuses.Ended, (await interventions.GetAsync(PlanIds.Intervention(plan.Id, 3), CancellationToken.None))!.Intervention.Status);
        Assert.False((await draws.WithdrawAsync(plan.Id, member, "again", Editor, CancellationToken.None)).Saved);

        var audit = (await pipeline.Get<AuditLog>().ListAsync(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), 100, CancellationToken.None)).Entries;
        var mine = audit.Where(e => e.Subject == plan.Id).Select(e => e.Action).Reverse().ToList();
        Assert.Equal([AuditActions.PlanRegistered, AuditActions.PlanDrawn, AuditActions.PlanMemberWithdrawn], mine);
        Assert.Equal(drawing.Members.Count, audit.Count(e => e.Action == AuditActions.InterventionAdded && e.Subject.StartsWith(plan.Id, StringComparison.Ordinal)));
        Assert.Contains(audit, e => e.Action == AuditActions.InterventionEnded && e.Subject == PlanIds.Intervention(plan.Id, 3));
        Assert.DoesNotContain(audit, e => e.Detail.Contains("merged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadPlans_AreRefusedWithEveryProblem_AndNothingIsWritten()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await PlanUnits.CreateAsync(pipeline);
        var registry = pipeline.Get<PlanRegistry>();

        var unknown = await registry.RegisterAsync(Request(units: [.. PlanUnits.All.Take(7), "nowhere"]), Editor, CancellationToken.None);
        var past = await registry.RegisterAsync(Request(units: PlanUnits.All, first: "2027-01-01"), Editor, CancellationToken.None);
        var offSchedule = await registry.RegisterAsync(Request(units: PlanUnits.All, first: "2027-02-15"), Editor, CancellationToken.None);
        var few = await registry.RegisterAsync(Request(units: [.. PlanUnits.All.Take(3)]), Editor, CancellationToken.None);

        Assert.Contains(unknown.Problems, p => p.English.Contains("'nowhere' is in neither the roster nor a published wave", StringComparison.Ordinal));
        Assert.Contains(past.Problems, p => p.Field == PlanFields.FirstStartWave && p.English.Contains("(2027-01-01)", StringComparison.Ordinal));
        Assert.Contains(offSchedule.Problems, p => p.Field == PlanFields.FirstStartWave);
        Assert.Contains(few.Problems, p => p.Field == PlanFields.Units);
        Assert.Empty(await pipeline.Get<PlanStore>().ListAsync(CancellationToken.None));
        Assert.Empty((await pipeline.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task TwoDrawsAtOnce_OneWins_AndEveryMemberHasOneIntervention()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await PlanUnits.CreateAsync(pipeline);
        var plan = (await pipeline.Get<PlanRegistry>().RegisterAsync(Request(units: PlanUnits.All, strata: PlanStrata.SizeBand), Editor, CancellationToken.None)).Plan!;
        var draws = pipeline.Get<PlanDraws>();

        var results = await Task.WhenAll(draws.DrawAsync(plan.Id, Editor, CancellationToken.None), draws.DrawAsync(plan.Id, new AuditActor("entra-object-2", "Piet"), CancellationToken.None));

        Assert.Single(results, r => r.Saved);
        var winner = results.Single(r => r.Saved).Plan!.Drawing!;
        Same(winner, results.Single(r => !r.Saved).Plan!.Drawing);
        var recorded = (await pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None)).Where(s => s.Intervention.Plan == plan.Id).ToList();
        Assert.Equal(winner.Members.Select(m => (m.Unit, m.StartWave)), recorded.Select(s => (s.Intervention.Unit, s.Intervention.StartWave)).Order());
        Assert.Equal(["n 10-19", "n<10", "n>=20"], plan.Eligible.Select(c => c.Stratum).Distinct().Order(StringComparer.Ordinal));
    }

    private static void Same(PlanDrawing expected, PlanDrawing? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Seed, expected.ById, expected.ByName, expected.Day), (actual.Seed, actual.ById, actual.ByName, actual.Day));
        Assert.Equal(expected.Members, actual.Members);
    }

    private static PlanRequest Request(IReadOnlyList<string>? units, string first = "2027-02-01", string strata = PlanStrata.None) =>
        new(InterventionTypes.MoralDeliberation, units, Capacity: null, Cohorts: 3, first, null, strata, ["pressure", "speakup"], "Team integriteit");
}
