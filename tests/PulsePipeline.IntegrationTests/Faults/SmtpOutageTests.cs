using System.Globalization;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Faults;

/// <summary>
/// smtp4dev stopped in the middle of sending a wave's invitations and started again: every invitation arrives once
/// it is back, and no employee is ever marked as sent whose email the server did not accept. A <see cref="SmtpTap"/>
/// in front of smtp4dev is the witness of what was accepted, since smtp4dev forgets its mailbox when stopped.
/// </summary>
[Collection(SharedServiceFaults.Name)]
public sealed class SmtpOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Smtp4devStoppedDuringDispatch_EveryInvitationArrivesWhenItIsBack_NothingMarkedSentThatWasNot()
    {
        await using var tap = SmtpTap.Start();
        await using var pipeline = await TestPipeline.CreateAsync(s =>
        {
            s["PULSE_SMTP_PORT"] = tap.Port.ToString(CultureInfo.InvariantCulture);
            s["PULSE_SEND_LIMITS"] = "20/1s"; // 20 a second: the outage lands in the middle of the wave
        });
        var roster = await pipeline.ImportAsync(employees: 400, units: 20, seed: 91);
        var byEmail = roster.Employees.ToDictionary(e => e.Email, e => e.Id, StringComparer.OrdinalIgnoreCase);
        await using var host = await pipeline.StartHostAsync();
        try
        {
            await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
            await Polling.UntilAsync(_ => Task.FromResult(tap.Accepted.Count), n => n >= 100, TimeSpan.FromMinutes(2), null, "100 invitations", CancellationToken.None);

            await LocalServices.StopAsync(LocalServices.Smtp4dev);
            var acceptedBefore = tap.Accepted;
            await Polling.UntilAsync(_ => Task.FromResult(tap.Refused), n => n > 0, TimeSpan.FromMinutes(1), null, "a send to find smtp4dev down", CancellationToken.None);

            // Nothing is marked sent that the server did not accept.
            var accepted = acceptedBefore.Select(a => byEmail[a]).ToHashSet(StringComparer.Ordinal);
            var marked = await SentMarkersAsync(pipeline);
            Assert.Subset(accepted, marked);
            output.WriteLine($"smtp4dev stopped after {acceptedBefore.Count} of {roster.Employees.Count} accepted; {marked.Count} marked sent");
            Assert.InRange(acceptedBefore.Count, 1, roster.Employees.Count - 1);

            await LocalServices.StartAsync(LocalServices.Smtp4dev);
            await Polling.UntilAsync(_ => Task.FromResult(tap.Accepted.Select(a => byEmail[a]).Distinct().Count()), n => n == roster.Employees.Count, TimeSpan.FromMinutes(4), null, "every invitation to be accepted", CancellationToken.None);

            var all = tap.Accepted;
            var after = all.Skip(acceptedBefore.Count).ToList();
            Assert.Equal(roster.Employees.Select(e => e.Email).Order(StringComparer.OrdinalIgnoreCase), all.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));
            // Repeats: only an email accepted as the connection died, one per batch in flight at most.
            Assert.InRange(all.Count - roster.Employees.Count, 0, ChildHosts.MessagesInFlight);
            Assert.Subset(all.Select(a => byEmail[a]).ToHashSet(StringComparer.Ordinal), await SentMarkersAsync(pipeline));
            Assert.Equal(roster.Employees.Count, (await SentMarkersAsync(pipeline)).Count);

            // Those not accepted before the outage are in the restarted smtp4dev's mailbox.
            var mails = await pipeline.WaitForMailsAsync(after.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Subset(mails.Select(m => m.To[0]).ToHashSet(StringComparer.OrdinalIgnoreCase), roster.Employees.Select(e => e.Email).Except(acceptedBefore, StringComparer.OrdinalIgnoreCase).ToHashSet(StringComparer.OrdinalIgnoreCase));
            Assert.Equal(0, (await pipeline.Storage.PoisonQueue(StorageNames.InvitationsQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
        finally
        {
            await LocalServices.StartAsync(LocalServices.Smtp4dev);
        }
    }

    private static async Task<HashSet<string>> SentMarkersAsync(TestPipeline pipeline) =>
        (await pipeline.Storage.Deliveries.QueryAsync<DeliveryEntity>().ToListAsync()).Where(d => d.Outcome == DeliveryEntity.Sent).Select(d => d.Employee).ToHashSet(StringComparer.Ordinal);
}
