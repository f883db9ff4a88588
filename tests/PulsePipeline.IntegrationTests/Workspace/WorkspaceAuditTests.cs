using System.Net;
using AngleSharp.Html.Parser;
using PulsePipeline.Models.Audit;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The audit's "who" is the principal's stable id beside its display name, in both hosts: two Entra users with one
/// name stay two people, a name reserved for the command line ("cli:…") is never recorded for a sign-in, the
/// development sign-in gives one id per name; editors see both. A HEAD of a unit page is no view.
/// </summary>
public sealed class WorkspaceAuditTests
{
    private static readonly string Unit = Uri.EscapeDataString(WorkspaceSeed.Shifted);

    [Fact]
    public async Task EveryViewIsRecorded_WithTheStableIdBesideTheName_AndEditorsSeeBoth()
    {
        await using var hosts = await BothHosts.StartAsync();
        using var functions = hosts.Functions.Client();
        using var local = hosts.Local.Client();

        // Two different Entra users called Jan Jansen, one who named himself like the command line, and locally two
        // sessions of the development sign-in as Jan Jansen.
        foreach (var (oid, name) in new[] { ("oid-jan-1", "Jan Jansen"), ("oid-jan-2", "Jan Jansen"), ("oid-mallory", "cli:demo") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/ipim/unit?id=" + Unit) { Headers = { Host = BothHosts.AppHost } };
            request.Headers.Add(ClientPrincipalHeader.Name, PlatformPrincipal.Header(oid, name, WorkspaceRoles.Reader));
            Assert.Equal(HttpStatusCode.OK, (await functions.SendAsync(request)).StatusCode);
        }

        for (var session = 0; session < 2; session++)
        {
            using var viewed = await hosts.Local.SendAsync(local, HttpMethod.Get, "/ipim/unit?id=" + Unit, "Jan Jansen", WorkspaceRoles.Reader);
            Assert.Equal(HttpStatusCode.OK, viewed.StatusCode);
        }

        var audit = hosts.Pipeline.Get<AuditLog>();
        var entries = (await audit.ListAsync(audit.Today, audit.Today, 100, CancellationToken.None)).Entries;
        var devId = hosts.Local.UserId("Jan Jansen");
        Assert.Equal(
            [new AuditActor(devId, "Jan Jansen"), new AuditActor(devId, "Jan Jansen"), new AuditActor("oid-mallory", "oid-mallory"), new AuditActor("oid-jan-2", "Jan Jansen"), new AuditActor("oid-jan-1", "Jan Jansen")],
            entries.Select(e => e.Actor));
        Assert.All(entries, e => Assert.Equal((AuditActions.UnitViewed, WorkspaceSeed.Shifted), (e.Action, e.Subject)));
        Assert.StartsWith(DevSignInCookie.IdPrefix, devId, StringComparison.Ordinal);

        // Editors see name and id side by side, in both hosts alike.
        var shown = new List<string[]>();
        foreach (var host in hosts.All)
        {
            using var client = host.Client();
            using var page = await host.SendAsync(client, HttpMethod.Get, "/ipim/audit?lang=en", "Eva Editor");
            var rows = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelectorAll("tbody tr")
                .Select(r => $"{r.QuerySelector("[data-label=actor]")?.TextContent}|{r.QuerySelector("[data-label=actor-id]")?.TextContent}").ToArray();
            shown.Add(rows);
        }

        Assert.Equal(shown[0], shown[1]);
        Assert.Equal(["Jan Jansen|" + devId, "Jan Jansen|" + devId, "oid-mallory|oid-mallory", "Jan Jansen|oid-jan-2", "Jan Jansen|oid-jan-1"], shown[0]);
    }

    [Fact]
    public async Task TheDevelopmentSignIn_RefusesTheCommandLinesNames()
    {
        await using var hosts = await BothHosts.StartAsync();
        var local = hosts.Local;
        using var client = local.Client();

        foreach (var name in new[] { "cli:demo", "CLI:jan" })
        {
            using var refused = await local.SendAsync(client, HttpMethod.Post, "/ipim/signin", form: [new("name", name), new("role", WorkspaceRoles.Editor), new(WorkspaceAntiforgery.FieldName, WorkspaceAntiforgery.Issue(local.Keys.Antiforgery, "", DateTimeOffset.UtcNow))]);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.False(refused.Headers.Contains("Set-Cookie"), name);
            Assert.Contains("cli:", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AHeadOfAUnitPage_IsNoView_InBothHosts()
    {
        await using var hosts = await BothHosts.StartAsync();
        var audit = hosts.Pipeline.Get<AuditLog>();
        async Task<IReadOnlyList<AuditEntry>> EntriesAsync() => (await audit.ListAsync(audit.Today, audit.Today, 100, CancellationToken.None)).Entries;
        foreach (var host in hosts.All)
        {
            using var client = host.Client();
            var before = (await EntriesAsync()).Count;
            using var head = await host.SendAsync(client, HttpMethod.Head, "/ipim/unit?id=" + Unit, "Eva Editor");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"{host.Name}: HEAD {(int)head.StatusCode}");
            Assert.True((await EntriesAsync()).Count == before, $"{host.Name}: a HEAD was recorded as a view");

            using var get = await host.SendAsync(client, HttpMethod.Get, "/ipim/unit?id=" + Unit, "Eva Editor");
            var after = await EntriesAsync();
            Assert.Equal(before + 1, after.Count);
            Assert.Equal(host.UserId("Eva Editor"), after[0].Actor.Id);
        }
    }
}
