using Microsoft.Extensions.Time.Testing;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.IntegrationTests.Registry;

public sealed class InterventionStoreTests
{
    private const string Editor = "Els de Vries";
    private const string Hostile = "<script>alert('x')</script> \u202Egnirts\u202C\n=cmd|' /C calc'!A0";

    [Fact]
    public async Task AddListUpdateEnd_RoundTrip_WithAnAuditRowForEveryChange()
    {
        // 23:30 UTC on 14 March is 00:30 on 15 March in Amsterdam: the audit's day is the Dutch one.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 14, 23, 30, 0, TimeSpan.Zero));
        await using var pipeline = await TestPipeline.CreateAsync(clock: clock);
        await RegistryUnits.RosterAsync(pipeline);
        await RegistryUnits.PublishedAsync(pipeline, "2027-01-01", RegistryUnits.OrgPath);
        var store = pipeline.Get<InterventionStore>();

        var first = await store.AddAsync(New(RegistryUnits.OrgPath, InterventionTypes.MoralDeliberation, "2027-03-01") with { Notes = Hostile }, Actors.Named(Editor), CancellationToken.None);
        var second = await store.AddAsync(New("afd1", InterventionTypes.ReportingRoutes, "2027-04-01") with { Status = InterventionStatuses.Running }, Actors.Named(Editor), CancellationToken.None);
        Assert.Equal(InterventionWriteOutcome.Saved, first.Outcome);
        Assert.Equal(InterventionWriteOutcome.Saved, second.Outcome);
        var id = first.Intervention!.Intervention.Id;

        Assert.Equal([RegistryUnits.OrgPath, "afd1"], (await store.ListAsync(null, CancellationToken.None)).Select(s => s.Intervention.Unit));
        Assert.Equal(id, Assert.Single(await store.ListAsync(new(Unit: RegistryUnits.OrgPath), CancellationToken.None)).Intervention.Id);
        Assert.Equal("afd1", Assert.Single(await store.ListAsync(new(Status: InterventionStatuses.Running), CancellationToken.None)).Intervention.Unit);
        Assert.Empty(await store.ListAsync(new(Unit: "afd1", Type: InterventionTypes.MoralDeliberation), CancellationToken.None));
        var read = await store.GetAsync(id, CancellationToken.None);
        Assert.Equal(first.Intervention, read);
        Assert.Equal(Hostile, read!.Intervention.Notes);

        var moved = read.Intervention with { StartWave = "2027-05-01", Notes = "moved" };
        var update = await store.UpdateAsync(moved, read.Version, Actors.Named(Editor), CancellationToken.None);
        Assert.Equal(InterventionWriteOutcome.Saved, update.Outcome);
        Assert.NotEqual(read.Version, update.Intervention!.Version);
        Assert.Equal(update.Intervention, await store.GetAsync(id, CancellationToken.None));

        // Moving the start wave released the old (unit, type, start wave): it can be recorded again.
        var again = await store.AddAsync(New(RegistryUnits.OrgPath, InterventionTypes.MoralDeliberation, "2027-03-01"), AuditActors.CommandLine("jan"), CancellationToken.None);
        Assert.Equal(InterventionWriteOutcome.Saved, again.Outcome);

        var ended = await store.EndAsync(id, Actors.Named(Editor), CancellationToken.None);
        Assert.Equal(InterventionStatuses.Ended, ended.Intervention!.Intervention.Status);
        Assert.Equal("moved", ended.Intervention.Intervention.Notes);
        Assert.Equal(InterventionWriteOutcome.Unchanged, (await store.EndAsync(id, Actors.Named(Editor), CancellationToken.None)).Outcome);

        var audit = await pipeline.Get<AuditLog>().ListAsync(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), 100, CancellationToken.None);
        Assert.Equal(
            [AuditActions.InterventionEnded, AuditActions.InterventionAdded, AuditActions.InterventionUpdated, AuditActions.InterventionAdded, AuditActions.InterventionAdded],
            audit.Entries.Select(e => e.Action));
        Assert.Equal([id, again.Intervention!.Intervention.Id, id, second.Intervention!.Intervention.Id, id], audit.Entries.Select(e => e.Subject));
        Assert.All(audit.Entries, e => Assert.Equal(new DateOnly(2027, 3, 15), e.Day));
        Assert.Equal("changed: start_wave, notes", audit.Entries[2].Detail);
        Assert.Equal([Editor, "cli:jan", Editor, Editor, Editor], audit.Entries.Select(e => e.Actor.Name));
        Assert.Equal([Actors.Named(Editor).Id, "cli:jan", Actors.Named(Editor).Id, Actors.Named(Editor).Id, Actors.Named(Editor).Id], audit.Entries.Select(e => e.Actor.Id));
        Assert.DoesNotContain(audit.Entries, e => e.Detail.Contains("script", StringComparison.Ordinal) || e.Detail.Contains("moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AConcurrentUpdate_IsReportedAsAConflict_AndOverwritesNothing()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await RegistryUnits.RosterAsync(pipeline);
        var store = pipeline.Get<InterventionStore>();
        var id = (await store.AddAsync(New("afd1", InterventionTypes.GoodConversation, "2027-03-01"), Actors.Named(Editor), CancellationToken.None)).Intervention!.Intervention.Id;
        var seenByA = (await store.GetAsync(id, CancellationToken.None))!;
        var seenByB = (await store.GetAsync(id, CancellationToken.None))!;

        var a = await store.UpdateAsync(seenByA.Intervention with { Notes = "A's notes" }, seenByA.Version, Actors.Named("Editor A"), CancellationToken.None);
        var b = await store.UpdateAsync(seenByB.Intervention with { Owner = "B" }, seenByB.Version, Actors.Named("Editor B"), CancellationToken.None);

        Assert.Equal(InterventionWriteOutcome.Saved, a.Outcome);
        Assert.Equal(InterventionWriteOutcome.Conflict, b.Outcome);
        Assert.Equal(a.Intervention, b.Intervention);
        var stored = (await store.GetAsync(id, CancellationToken.None))!.Intervention;
        Assert.Equal(("A's notes", "Owner"), (stored.Notes, stored.Owner));

        // Ending reads the intervention again, so it keeps A's notes instead of writing an older copy back.
        var ended = await store.EndAsync(id, Actors.Named("Editor B"), CancellationToken.None);
        Assert.Equal(seenByA.Intervention with { Notes = "A's notes", Status = InterventionStatuses.Ended }, ended.Intervention!.Intervention);

        var audit = await pipeline.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None);
        Assert.DoesNotContain(audit.Entries, e => e.Actor.Name == "Editor B" && e.Action == AuditActions.InterventionUpdated);
    }

    [Fact]
    public async Task TwoEditorsRecordingTheSameIntervention_AtOnce_StoreOnlyOne()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await RegistryUnits.RosterAsync(pipeline);
        var store = pipeline.Get<InterventionStore>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            store.AddAsync(New("afd2", InterventionTypes.LeadershipCoaching, "2027-03-01") with { Owner = $"Editor {i}" }, Actors.Named($"Editor {i}"), CancellationToken.None)));

        var saved = Assert.Single(results, r => r.Outcome == InterventionWriteOutcome.Saved);
        Assert.All(results.Where(r => r != saved), r =>
        {
            Assert.Equal(InterventionWriteOutcome.Invalid, r.Outcome);
            Assert.Contains(saved.Intervention!.Intervention.Id, Assert.Single(r.Problems).Message, StringComparison.Ordinal);
        });
        Assert.Single(await store.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task AnInvalidIntervention_OrAnUnknownUnit_IsRefusedWhole_AndNothingIsWrittenOrAudited()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await RegistryUnits.RosterAsync(pipeline);
        var store = pipeline.Get<InterventionStore>();

        var unknown = await store.AddAsync(New("nowhere", InterventionTypes.Other, "2027-03-01"), Actors.Named(Editor), CancellationToken.None);
        var invalid = await store.AddAsync(New("afd1", "yoga", "2027/03") with { Notes = "a\u0000b" }, Actors.Named(Editor), CancellationToken.None);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(New("afd1", InterventionTypes.Other, "2027-03-01"), new AuditActor("oid-els", "els@minbzk.nl"), CancellationToken.None));

        Assert.Equal(InterventionFields.Unit, Assert.Single(unknown.Problems).Field);
        Assert.Equal([InterventionFields.Type, InterventionFields.StartWave, InterventionFields.Notes], invalid.Problems.Select(p => p.Field));
        Assert.Empty(await store.ListAsync(null, CancellationToken.None));
        Assert.Empty((await pipeline.Get<AuditLog>().ListAsync(DateOnly.MinValue, DateOnly.MaxValue, 10, CancellationToken.None)).Entries);
    }

    private static InterventionRecord New(string unit, string type, string startWave) =>
        new("", unit, type, startWave, InterventionStatuses.Planned, "Owner", "");
}
