using System.Net;
using AngleSharp.Html.Parser;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Alerts;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The digest and the workspace agree in words: over <see cref="WorkspaceSeed"/>'s history with a digest sent after
/// every wave, the last wave's digest counts in its subject the overview's new and continuing findings, and names in
/// its body each finding with the overview's words for it (new, or flagged since when) and the flags it explains.
/// </summary>
public sealed class DigestAgreementTests
{
    [Fact]
    public async Task TheLastDigest_NamesTheOverviewsFindings_NewAndContinuing_InTheSameWords()
    {
        await using var pipeline = await TestPipeline.CreateAsync(values =>
        {
            values["PULSE_DEV_SIGNIN"] = "true";
            values["PULSE_DIGEST_WHEN_QUIET"] = "true";
        });
        await WorkspaceSeed.WriteAsync(pipeline);
        foreach (var wave in WorkspaceSeed.Waves)
        {
            // The unit snapshot each wave opened with, where the digest takes the names of the units' paths.
            await TableBatches.SubmitAsync(pipeline.Storage.WaveUnits, WorkspaceSeed.Units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new WaveUnitEntity { PartitionKey = wave, RowKey = TableKeys.Encode(u.Id), Name = u.Name, Parent = u.Parent })), CancellationToken.None);
            await pipeline.Get<SendAlertsStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage(wave)), CancellationToken.None);
        }

        var last = WorkspaceSeed.Waves[^1];
        var mails = await pipeline.WaitForMailsAsync(WorkspaceSeed.Waves.Count);
        var digest = Assert.Single(mails, m => m.Subject.Contains(last, StringComparison.Ordinal));
        var text = await pipeline.Mailbox.PlainTextAsync(digest.Id, CancellationToken.None);

        var host = await pipeline.StartHttpHostAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(pipeline.BaseUrl) };
            var keys = new WorkspaceKeys(pipeline.Get<IOptions<PulseOptions>>());
            var cookie = $"{DevSignInCookie.Name}={DevSignInCookie.Create(keys.DevSignIn, "Ria Lezer", WorkspaceRoles.Reader, DateTimeOffset.UtcNow)}";
            using var response = await WorkspaceHttp.GetAsync(client, "/ipim", cookie);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var findings = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelectorAll("tr[data-finding]");

            var fresh = findings.Count(f => f.GetAttribute("data-finding") == "new");
            Assert.True(fresh > 0 && findings.Length > fresh, $"the seed's last wave has new and continuing findings ({fresh} of {findings.Length} new)");
            Assert.Equal(FindingTexts.Subject(last, fresh, findings.Length - fresh, Language.Nl), digest.Subject);
            foreach (var finding in findings)
            {
                var cells = finding.QuerySelectorAll("td");
                var name = finding.QuerySelector("th > a")!.TextContent;
                Assert.True(text.Contains(name, StringComparison.Ordinal), $"the digest does not name {name}:\n{text}");
                Assert.True(text.Contains(cells[1].TextContent.Trim(), StringComparison.Ordinal), $"the digest does not say '{cells[1].TextContent.Trim()}' of {name}:\n{text}");
                Assert.All(finding.QuerySelectorAll(".explains a"), explained => Assert.True(text.Contains(explained.TextContent, StringComparison.Ordinal), $"the digest does not name {explained.TextContent} as explained by {name}:\n{text}"));
            }
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }
}
