using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// `pulse host` as a child process, killed with SIGKILL in the middle of its work and started again: nothing is lost,
/// answers are counted exactly once, and invitations are repeated at most within the documented bound.
/// </summary>
public sealed class HostKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HostKilledWhileTallying_AfterARestartEveryTallyEqualsTheAnswersGiven()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 2000, units: 60, seed: 61);
        output.WriteLine($"{clock.Elapsed} opened");
        await wave.EnqueueAllAsync(wave.Roster.Employees, seed: 610);
        output.WriteLine($"{clock.Elapsed} answered");

        var total = await wave.QueuedAsync(StorageNames.ResponsesQueue);
        Assert.Equal(wave.Roster.Employees.Count, total);

        await using var proxy = QueueLeaseProxy.Start(TimeSpan.FromSeconds(20));
        var killed = await ChildHosts.StartAsync(pipeline, proxy);
        int atKill;
        await using (killed)
        {
            atKill = await Polling.UntilAsync(_ => wave.QueuedAsync(StorageNames.ResponsesQueue), n => n <= total * 2 / 3, TimeSpan.FromMinutes(3), null, "a third of the responses to be tallied", CancellationToken.None);
            killed.Kill();
        }

        output.WriteLine($"{clock.Elapsed} killed the host with {atKill} of {total} responses still queued");
        Assert.InRange(atKill, 1, total - 1);

        await using var restarted = await ChildHosts.StartAsync(pipeline);
        output.WriteLine($"{clock.Elapsed} restarted");
        await wave.WaitUntilResponsesDrainedAsync(TimeSpan.FromMinutes(4));
        output.WriteLine($"{clock.Elapsed} drained");
        await wave.AssertTalliesExactAsync();
        Assert.Equal(total, wave.Answered);
    }

    [Fact]
    public async Task HostKilledWhileSending_AfterARestartEveryoneIsInvited_WithDuplicatesWithinTheBound()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 1000, units: 40, seed: 62);
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        output.WriteLine($"{clock.Elapsed} opened");

        await using var proxy = QueueLeaseProxy.Start(TimeSpan.FromSeconds(30));
        var killed = await ChildHosts.StartAsync(pipeline, proxy);
        int atKill;
        await using (killed)
        {
            atKill = await Polling.UntilAsync(_ => pipeline.Mailbox.CountAsync(pipeline.EmailDomain, CancellationToken.None), n => n >= roster.Employees.Count / 4, TimeSpan.FromMinutes(3), null, "a quarter of the invitations", CancellationToken.None);
            killed.Kill();
        }

        output.WriteLine($"{clock.Elapsed} killed the host after {atKill} of {roster.Employees.Count} invitations");
        Assert.InRange(atKill, 1, roster.Employees.Count - 1);

        await using var restarted = await ChildHosts.StartAsync(pipeline);
        await Polling.UntilAsync(ct => pipeline.Storage.Queue(StorageNames.InvitationsQueue).GetPropertiesAsync(ct), p => p.Value.ApproximateMessagesCount == 0, TimeSpan.FromMinutes(4), null, "the invitations queue to drain", CancellationToken.None);
        var mails = await pipeline.WaitForMailsAsync(roster.Employees.Count);
        output.WriteLine($"{clock.Elapsed} drained");

        var perEmployee = mails.GroupBy(m => Assert.Single(m.To)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var duplicates = mails.Count - perEmployee.Count;
        output.WriteLine($"{mails.Count} emails for {roster.Employees.Count} employees: {duplicates} duplicates (bound {ChildHosts.MessagesInFlight * SendInvitationsStep.MarkerFlushSize})");
        Assert.All(roster.Employees, e => Assert.True(perEmployee.ContainsKey(e.Email), $"{e.Id} was never invited"));
        Assert.All(perEmployee, p => Assert.InRange(p.Value, 1, 2));
        Assert.InRange(duplicates, 0, ChildHosts.MessagesInFlight * SendInvitationsStep.MarkerFlushSize);

        // Every delivery marker names someone who did get the email; every employee has one.
        var markers = await pipeline.Storage.Deliveries.QueryAsync<DeliveryEntity>().ToListAsync();
        Assert.Equal(roster.Employees.Select(e => e.Id).Order(StringComparer.Ordinal), markers.Select(m => m.Employee).Order(StringComparer.Ordinal));
        Assert.All(markers, m => Assert.Equal(DeliveryEntity.Sent, m.Outcome));
    }
}
