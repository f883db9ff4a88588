using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Audit;
using PulsePipeline.Pipeline.Audit;

namespace PulsePipeline.IntegrationTests.Registry;

public sealed class AuditLogTests
{
    [Fact]
    public async Task AuditRows_HoldTheDay_AndNoFinerTime_InKeysOrProperties()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 2, 13, 47, 31, TimeSpan.Zero));
        await using var pipeline = await TestPipeline.CreateAsync(clock: clock);
        var audit = pipeline.Get<AuditLog>();

        await audit.RecordAsync(Actors.Named("Els"), AuditActions.UnitViewed, RegistryUnits.OrgPath, CancellationToken.None);
        await audit.RecordAsync(AuditActors.CommandLine("jan"), AuditActions.InterventionAdded, "iv-1", "unit afd1; other from wave 2027-03-01; planned", CancellationToken.None);

        var rows = await pipeline.Storage.Audit.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(3, rows.Count); // two entries and the day's counter
        foreach (var row in rows)
        {
            Assert.All(row.Where(p => p.Key is not "Timestamp"), p => Assert.IsNotType<DateTimeOffset>(p.Value));
            var text = string.Join("|", row.Where(p => p.Key is not "Timestamp" and not "odata.etag").Select(p => p.Value?.ToString()));
            Assert.DoesNotContain("13:47", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1347", text, StringComparison.Ordinal);
        }

        var entries = rows.Where(r => r.ContainsKey("Actor")).ToList();
        Assert.All(entries, e => Assert.Equal(
            ["Action", "Actor", "ActorId", "Day", "Detail", "PartitionKey", "RowKey", "Subject", "Timestamp", "odata.etag"],
            e.Keys.Order(StringComparer.Ordinal)));
        Assert.All(entries, e => Assert.Equal("2027-06-02", e.GetString("Day")));
        var listed = await audit.ListAsync(new DateOnly(2027, 6, 2), new DateOnly(2027, 6, 2), 10, CancellationToken.None);
        Assert.Equal([AuditActors.CommandLine("jan"), Actors.Named("Els")], listed.Entries.Select(e => e.Actor));
        Assert.Equal(RegistryUnits.OrgPath, listed.Entries[1].Subject);
    }

    [Fact]
    public async Task Listing_IsNewestFirstAcrossDays_BoundedByTheLimit_AndWithinTheRange()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var pipeline = await TestPipeline.CreateAsync(clock: clock);
        var audit = pipeline.Get<AuditLog>();
        for (var day = 0; day < 3; day++)
        {
            await audit.RecordAsync(Actors.Named("Els"), [.. Enumerable.Range(0, 3).Select(i => new AuditEvent(AuditActions.UnitViewed, $"d{day}u{i}"))], CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        var all = await audit.ListAsync(new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3), 100, CancellationToken.None);
        var bounded = await audit.ListAsync(new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 3), 4, CancellationToken.None);
        var middle = await audit.ListAsync(new DateOnly(2027, 6, 2), new DateOnly(2027, 6, 2), 100, CancellationToken.None);

        Assert.Equal(["d2u2", "d2u1", "d2u0", "d1u2", "d1u1", "d1u0", "d0u2", "d0u1", "d0u0"], all.Entries.Select(e => e.Subject));
        Assert.False(all.Truncated);
        Assert.Equal(all.Entries.Take(4), bounded.Entries);
        Assert.True(bounded.Truncated);
        Assert.Equal(["d1u2", "d1u1", "d1u0"], middle.Entries.Select(e => e.Subject));
    }

    [Fact]
    public async Task WritersAtTheSameTime_EachGetARow_NoneLost()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var audit = pipeline.Get<AuditLog>();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => audit.RecordAsync(Actors.Named($"Editor {i % 3}"), AuditActions.UnitViewed, $"unit {i}", CancellationToken.None)));

        var listed = await audit.ListAsync(audit.Today, audit.Today, 100, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"unit {i}").Order(StringComparer.Ordinal), listed.Entries.Select(e => e.Subject).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARowWrittenBeforeIdsWereRecorded_StillLists_WithAnEmptyId()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var audit = pipeline.Get<AuditLog>();
        await audit.RecordAsync(Actors.Named("Els"), AuditActions.UnitViewed, "afd1", CancellationToken.None);
        var row = (await pipeline.Storage.Audit.QueryAsync<TableEntity>().ToListAsync()).Single(r => r.ContainsKey("Actor"));
        Assert.Equal(Actors.Named("Els").Id, row.GetString("ActorId"));

        // The row as the version before ids wrote it: no ActorId property at all.
        row.Remove("ActorId");
        await pipeline.Storage.Audit.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);

        var entry = Assert.Single((await audit.ListAsync(audit.Today, audit.Today, 10, CancellationToken.None)).Entries);
        Assert.Equal(new AuditActor("", "Els"), entry.Actor);
        Assert.Equal("afd1", entry.Subject);
    }

    [Fact]
    public async Task AnEmailAddressAsActor_IsRefused_AndNothingIsRecorded()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var audit = pipeline.Get<AuditLog>();

        await Assert.ThrowsAsync<ArgumentException>(() => audit.RecordAsync(new AuditActor("oid-els", "els@minbzk.nl"), AuditActions.UnitViewed, "afd1", CancellationToken.None));

        Assert.Empty(await pipeline.Storage.Audit.QueryAsync<TableEntity>().ToListAsync());
    }
}
