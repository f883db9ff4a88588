using System.Text.RegularExpressions;
using Azure.Storage.Queues.Models;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Invitations;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Invitations;

public sealed partial class InvitationTests
{
    [Fact]
    public async Task AWave_PutsExactlyOneEmailPerEmployee_WithItsOwnStoredTokenInItsLanguage()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 60, units: 8, seed: 11);
        await using var host = await pipeline.StartHostAsync();

        var wave = await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        var mails = await pipeline.WaitForMailsAsync(roster.Employees.Count);

        Assert.NotNull(wave);
        Assert.Equal(WaveStates.Open, wave.State);
        Assert.Equal(roster.Employees.Count, wave.Invited);
        Assert.Equal(roster.Employees.Select(e => e.Email).Order(), mails.Select(m => Assert.Single(m.To)).Order());
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mail in mails)
        {
            var employee = roster.Employees.Single(e => e.Email == mail.To[0]);
            var link = LinkPattern().Match(await pipeline.Mailbox.PlainTextAsync(mail.Id, CancellationToken.None));
            Assert.True(link.Success, "the email carries a survey link");
            Assert.True(tokens.Add(link.Groups["token"].Value), "every link is distinct");
            Assert.Equal(employee.Language.Code(), link.Groups["lang"].Value);
            Assert.Equal(employee.Language == Language.Nl, mail.Subject.StartsWith("Integriteitspuls", StringComparison.Ordinal));

            var hash = SurveyTokens.Hash(link.Groups["token"].Value);
            var row = await (await pipeline.WaveTableAsync("2027-03")).GetEntityAsync<TokenEntity>(TokenPartition.Of(hash), hash);
            Assert.Equal(employee.Unit, row.Value.Unit);
            Assert.False(row.Value.Used);
        }
    }

    [Fact]
    public async Task EveryInvitationMessageDeliveredTwice_StillSendsOneEmailPerEmployee()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 45, units: 7, seed: 12);
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-04", CancellationToken.None);
        var messages = await DrainAsync(pipeline, StorageNames.InvitationsQueue);
        var step = pipeline.Get<SendInvitationsStep>();

        foreach (var message in messages.Concat(messages))
        {
            await step.HandleAsync(message, CancellationToken.None);
        }

        var mails = await pipeline.WaitForMailsAsync(roster.Employees.Count);
        Assert.Equal(roster.Employees.Count, mails.Count);
        Assert.Equal(roster.Employees.Count, mails.Select(m => m.To[0]).Distinct().Count());
        Assert.Equal(roster.Employees.Count, await pipeline.Mailbox.CountAsync(pipeline.EmailDomain, CancellationToken.None));
    }

    [Fact]
    public async Task MalformedMessages_GoToThePoisonQueue_AndTheRestKeepsFlowing()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 21, units: 7, seed: 13);
        await using var host = await pipeline.StartHostAsync();
        string[] garbage =
        [
            "this is not json",
            """{"waveId":"no-such-wave","round":0,"batchId":"x.0","invitees":[{"employeeId":"e1","email":"e1@x.example","language":"nl"}]}""",
            """{"waveId":"2027-05","round":0,"batchId":"x.0","invitees":[]}""",
            """{"waveId":"2027-05","round":0,"batchId":"x.0","invitees":[{"employeeId":"e1","email":"e1@x.example","language":"nl"}],"extra":1}""",
        ];

        foreach (var text in garbage)
        {
            await pipeline.Storage.Queue(StorageNames.InvitationsQueue).SendMessageAsync(text);
        }

        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-05", CancellationToken.None);
        await pipeline.WaitForMailsAsync(roster.Employees.Count);
        var poisoned = await Polling.UntilAsync(
            _ => PeekAllAsync(pipeline, StorageNames.InvitationsQueue, poison: true),
            texts => texts.Count >= garbage.Length,
            TimeSpan.FromMinutes(1),
            null,
            "malformed messages in the poison queue",
            CancellationToken.None);

        // Each is there as it was sent, wrapped with its reason.
        var envelopes = poisoned.Select(PoisonEnvelope.TryParse).ToList();
        Assert.All(envelopes, e => Assert.False(string.IsNullOrEmpty(e?.Reason)));
        Assert.Equal(garbage.Order(), envelopes.Select(e => e!.Message).Order());
    }

    [Fact]
    public async Task SmtpUnreachable_SendsNothing_MarksNothing_AndKeepsEveryoneForARetry()
    {
        var closedPort = TestSettings.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var down = await TestPipeline.CreateAsync(s => s["PULSE_SMTP_PORT"] = closedPort);
        var roster = await down.ImportAsync(employees: 21, units: 7, seed: 14);
        await down.Get<OpenWaveStep>().OpenAsync("2027-06", CancellationToken.None);
        var messages = await DrainAsync(down, StorageNames.InvitationsQueue);

        foreach (var message in messages)
        {
            await down.Get<SendInvitationsStep>().HandleAsync(message, CancellationToken.None);
        }

        // Every batch is back on the queue (invisible during its back-off), nothing was marked as sent.
        var properties = await down.Storage.Queue(StorageNames.InvitationsQueue).GetPropertiesAsync();
        Assert.Equal(messages.Count, properties.Value.ApproximateMessagesCount);
        Assert.Empty(await down.Storage.Deliveries.QueryAsync<DeliveryEntity>().ToListAsync());
        Assert.Equal(0, await down.Mailbox.CountAsync(down.EmailDomain, CancellationToken.None));
        Assert.True(roster.Employees.Count > 0);
    }

    internal static async Task<List<string>> DrainAsync(TestPipeline pipeline, string queue)
    {
        var texts = new List<string>();
        var client = pipeline.Storage.Queue(queue);
        while (true)
        {
            QueueMessage[] batch = await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
            if (batch.Length == 0)
            {
                return texts;
            }

            foreach (var message in batch)
            {
                texts.Add(message.Body.ToString());
                await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    private static async Task<IReadOnlyList<string>> PeekAllAsync(TestPipeline pipeline, string queue, bool poison)
    {
        var client = poison ? pipeline.Storage.PoisonQueue(queue) : pipeline.Storage.Queue(queue);
        PeekedMessage[] peeked = await client.PeekMessagesAsync(32);
        return peeked.Select(p => p.Body.ToString()).ToList();
    }

    [GeneratedRegex(@"/survey/(?<token>[A-Za-z0-9_-]{43})\?lang=(?<lang>nl|en)")]
    private static partial Regex LinkPattern();
}
