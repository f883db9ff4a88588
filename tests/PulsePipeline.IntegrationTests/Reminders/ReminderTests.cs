using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Reminders;

public sealed class ReminderTests
{
    // Monday 1 March 2027, 08:00 UTC. Reminder days 7, 10, 12 fall on Monday 8, Thursday 11, Saturday 13 March.
    private static readonly DateTimeOffset Opening = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reminders_GoOnlyToThoseWhoHaveNotAnswered_OncePerRound_AndNeverOnAWeekend()
    {
        var clock = new FakeTimeProvider(Opening);
        var tap = new QueueSendTap();
        await using var pipeline = await TestPipeline.CreateAsync(s => s["PULSE_WAVE_LENGTH_DAYS"] = "21", clock, tap.Install);
        var domain = pipeline.EmailDomain;
        var roster = await pipeline.ImportAsync(
            "unit,parent,name\nroot,,Root\na,root,A\nb,root,B\n",
            "employee_id,email,language,unit\n" + string.Join('\n', Enumerable.Range(1, 12).Select(i => $"e{i},e{i}@{domain},{(i % 3 == 0 ? "en" : "nl")},{(i % 2 == 0 ? "a" : "b")}")));
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        await Invitations.InvitationTests.DrainAsync(pipeline, StorageNames.InvitationsQueue);
        var answered = new[] { "e1", "e2", "e5", "e12" };
        foreach (var id in answered)
        {
            await MarkUsedAsync(pipeline, "2027-03", id);
        }

        var reminders = pipeline.Get<SendRemindersStep>();
        clock.SetUtcNow(Opening.AddDays(6));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None)); // nothing due yet

        clock.SetUtcNow(Opening.AddDays(7).AddHours(1)); // Monday 8 March
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None)); // round 1 is queued once
        var round1 = await Invitations.InvitationTests.DrainAsync(pipeline, StorageNames.InvitationsQueue);
        Assert.All(round1, m => Assert.Equal(1, QueueMessages.Parse<InvitationBatch>(m).Round));
        var sender = pipeline.Get<SendInvitationsStep>();
        foreach (var message in round1.Concat(round1))
        {
            await sender.HandleAsync(message, CancellationToken.None);
        }

        var mails = await pipeline.WaitForMailsAsync(roster.Employees.Count - answered.Length);
        Assert.Equal(
            roster.Employees.Where(e => !answered.Contains(e.Id)).Select(e => e.Email).Order(),
            mails.Select(m => m.To[0]).Order());
        Assert.All(mails, m => Assert.Matches("^(Herinnering|Reminder)", m.Subject));

        var saturday = new DateTimeOffset(2027, 3, 13, 9, 0, 0, TimeSpan.Zero); // rounds 2 and 3 are due
        clock.SetUtcNow(saturday);
        Assert.Equal(0, await reminders.RunAsync(CancellationToken.None));
        var weekendBatch = InvitationBatches.For("2027-03", 2, roster.Employees.Where(e => e.Id == "e3")).Single();
        var before = tap.Sent.Count;
        await sender.HandleAsync(QueueMessages.Serialize(weekendBatch), CancellationToken.None);
        var deferred = await pipeline.Storage.Queue(StorageNames.InvitationsQueue).GetPropertiesAsync();
        Assert.Equal(1, deferred.Value.ApproximateMessagesCount); // back on the queue until Monday, not sent

        // Storage will show it again on Monday 15 March at 08:00 in Amsterdam (CET, 07:00 UTC), not a moment before.
        var requeued = Assert.Single(tap.Sent.Skip(before));
        Assert.Equal(pipeline.Storage.Names.Queue(StorageNames.InvitationsQueue), requeued.Queue);
        Assert.InRange(requeued.Delay, Monday0800(saturday) - TimeSpan.FromSeconds(1), Monday0800(saturday) + TimeSpan.FromSeconds(1));

        clock.SetUtcNow(new DateTimeOffset(2027, 3, 15, 9, 0, 0, TimeSpan.Zero)); // Monday: only the latest round goes out
        Assert.Equal(1, await reminders.RunAsync(CancellationToken.None));
        var wave = await pipeline.Get<WaveStore>().GetAsync("2027-03", CancellationToken.None);
        Assert.Equal(3, wave!.RemindersQueued);
        Assert.Equal(mails.Count, await pipeline.Mailbox.CountAsync(domain, CancellationToken.None));
    }

    /// <summary>From a Saturday in March 2027 (before summer time) to Monday 08:00 CET, reckoned without the code under test.</summary>
    private static TimeSpan Monday0800(DateTimeOffset saturday) =>
        new DateTimeOffset(saturday.Year, saturday.Month, saturday.Day + 2, 7, 0, 0, TimeSpan.Zero) - saturday;

    private static async Task MarkUsedAsync(TestPipeline pipeline, string waveId, string employeeId)
    {
        var secret = Encoding.UTF8.GetBytes(pipeline.Settings.Overrides["PULSE_TOKEN_SECRET"]!);
        var hash = SurveyTokens.Hash(SurveyTokens.Derive(secret, waveId, employeeId));
        var table = await pipeline.WaveTableAsync(waveId);
        var row = (await table.GetEntityAsync<TokenEntity>(TokenPartition.Of(hash), hash)).Value;
        row.Used = true;
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }
}
