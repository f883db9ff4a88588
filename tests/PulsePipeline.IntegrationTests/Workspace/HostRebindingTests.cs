using System.Net;
using Azure.Data.Tables;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// DNS rebinding: a page at a name an attacker controls (rebind.example) that resolves to the app makes the browser
/// send the app's own requests with that name as Host and as Origin. Both hosts refuse such a request on every route,
/// the survey's included, with a 400 page before reading or writing anything; and a form's Origin is compared with
/// the origins the app is configured for, never with the request's Host.
/// </summary>
public sealed class HostRebindingTests
{
    private const string Editor = "Eva Editor";
    private static readonly string UnknownToken = new('A', Models.Tokens.SurveyTokens.Length);

    [Fact]
    public async Task ARebindingHostName_IsRefusedOnEveryRoute_InBothHosts_AndNothingIsRecorded()
    {
        await using var hosts = await BothHosts.StartAsync();
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var host in hosts.All)
        {
            using var client = host.Client();
            var rebound = $"rebind.example:{host.Port}";
            foreach (var (what, method, url, form) in Requests(host, WaveOf(hosts, host)))
            {
                using var response = await host.SendAsync(client, method, url, Editor, form: form, host: rebound, origin: "http://" + rebound);
                var page = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{host.Name}, {what}: {(int)response.StatusCode}");
                Assert.Contains("Onbekend adres", page, StringComparison.Ordinal);
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{host.Name}, {what}: a cookie was set");
                if (!answers.TryGetValue(what, out var statuses))
                {
                    answers[what] = statuses = [];
                }

                statuses.Add($"{(int)response.StatusCode}");
            }
        }

        Assert.Empty(await hosts.Pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None));
        Assert.Empty(await hosts.Pipeline.Storage.Audit.QueryAsync<TableEntity>().ToListAsync());
        Assert.All(answers, a => Assert.Single(a.Value.Distinct()));

        // The control: the same requests under the served host are answered, and each host's write goes through.
        foreach (var host in hosts.All)
        {
            using var client = host.Client();
            foreach (var (what, method, url, form) in Requests(host, WaveOf(hosts, host)))
            {
                using var response = await host.SendAsync(client, method, url, Editor, form: form);
                Assert.True((int)response.StatusCode is 200 or 303 or 404, $"{host.Name}, {what} under its own host: {(int)response.StatusCode}");
            }
        }

        Assert.Equal(2, (await hosts.Pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AFormsOrigin_IsComparedWithTheServedOrigins_NotWithTheHost()
    {
        await using var hosts = await BothHosts.StartAsync();
        foreach (var host in hosts.All)
        {
            using var client = host.Client();
            var wave = WaveOf(hosts, host);
            using var foreign = await host.SendAsync(client, HttpMethod.Post, "/ipim/interventions/new", Editor, form: Record(host, wave), origin: $"http://rebind.example:{host.Port}");
            Assert.True(foreign.StatusCode == HttpStatusCode.BadRequest, $"{host.Name}: {(int)foreign.StatusCode}");
            Assert.Contains("Formulier niet geaccepteerd", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Another origin the app serves is this site too, though the Host says otherwise.
            var other = host == hosts.Local ? $"http://localhost:{host.Port}" : "https://" + BothHosts.PlatformHost;
            using var accepted = await host.SendAsync(client, HttpMethod.Post, "/ipim/interventions/new", Editor, form: Record(host, wave), origin: other);
            Assert.True(accepted.StatusCode == HttpStatusCode.SeeOther, $"{host.Name}, Origin {other}: {(int)accepted.StatusCode}");
        }

        Assert.Equal(2, (await hosts.Pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TheFunctionsApp_ServesItsBaseUrlAndItsDefaultHostName_AndNoOtherName()
    {
        await using var hosts = await BothHosts.StartAsync();
        var functions = hosts.Functions;
        using var client = functions.Client();

        foreach (var (host, expected) in new[]
        {
            (BothHosts.AppHost, HttpStatusCode.Unauthorized),
            (BothHosts.PlatformHost, HttpStatusCode.Unauthorized),
            (BothHosts.AppHost + ":443", HttpStatusCode.Unauthorized),
            (BothHosts.AppHost + ":8443", HttpStatusCode.BadRequest),
            ($"127.0.0.1:{functions.Port}", HttpStatusCode.BadRequest), // loopback is not served where the base URL is not
            ("localhost", HttpStatusCode.BadRequest),
            ("pulse.example.nl.evil.example", HttpStatusCode.BadRequest),
        })
        {
            using var response = await functions.SendAsync(client, HttpMethod.Get, "/ipim", host: host);
            Assert.True(response.StatusCode == expected, $"Host {host}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A page, a unit page, a write, the sign-in form and its POST, an unknown path and a survey link.</summary>
    private static IEnumerable<(string What, HttpMethod Method, string Url, IEnumerable<KeyValuePair<string, string>>? Form)> Requests(HostUnderTest host, string startWave) =>
    [
        ("overview", HttpMethod.Get, "/ipim", null),
        ("unit page", HttpMethod.Get, "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), null),
        ("record an intervention", HttpMethod.Post, "/ipim/interventions/new", Record(host, startWave)),
        ("sign-in form", HttpMethod.Get, "/ipim/signin", null),
        ("sign in as an editor", HttpMethod.Post, "/ipim/signin", [new("name", "Mallory"), new("role", WorkspaceRoles.Editor), new(WorkspaceAntiforgery.FieldName, host.Antiforgery(Editor))]),
        ("unknown path", HttpMethod.Get, "/ipim/nope", null),
        ("survey link", HttpMethod.Get, "/survey/" + UnknownToken, null),
    ];

    /// <summary>Each host records in a start wave of its own, so the second is no duplicate of the first.</summary>
    private static string WaveOf(BothHosts hosts, HostUnderTest host) => host == hosts.Local ? "2027-09" : "2027-10";

    private static KeyValuePair<string, string>[] Record(HostUnderTest host, string startWave) =>
    [
        new(InterventionFields.Unit, WorkspaceSeed.Shifted), new(InterventionFields.Type, InterventionTypes.DilemmaTraining),
        new(InterventionFields.StartWave, startWave), new(InterventionFields.Status, InterventionStatuses.Planned),
        new(InterventionFields.Owner, Editor), new(InterventionFields.Notes, "rebinding"),
        new(WorkspaceAntiforgery.FieldName, host.Antiforgery(Editor)),
    ];
}
