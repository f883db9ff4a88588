using System.Globalization;
using System.Text;
using PulsePipeline.IntegrationTests.Hostile;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// A POST whose body does not arrive in full is the client's doing: a body that stalls half-way gets a 408 page once
/// the server's minimum data rate runs out, one that trickles in far below that rate the same, and one whose sender
/// closes half-way gets a 400 page (or, where the server drops the half-closed connection, no answer). Never a 503,
/// never an error in the log, nothing written; both hosts answer alike. Sent over raw sockets, as HttpClient would
/// not send a body shorter than its Content-Length.
/// </summary>
public sealed class WorkspaceSlowBodyTests
{
    private const string Editor = "Eva Editor";

    [Fact]
    public async Task AStalledTrickledOrCutOffBody_Is4xx_WithNoErrorLogged_InBothHosts()
    {
        await using var hosts = await BothHosts.StartAsync();
        var answers = new List<string>();
        foreach (var host in hosts.All)
        {
            var (header, value) = host.SignIn(Editor, WorkspaceRoles.Editor);
            var body = Encoding.ASCII.GetBytes($"{WorkspaceAntiforgery.FieldName}={host.Antiforgery(Editor)}&unit=x&notes=" + new string('n', 600));
            (string, string)[] headers = [("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", "4000"), (header, value)];
            var hostName = host.Host;

            var stalled = await RawHttp.SendAsync(host.Port, "POST", "/ipim/interventions/new", headers, body, truncateAt: 300, stallAfterBody: true, host: hostName);
            var trickled = await RawHttp.SendAsync(host.Port, "POST", "/ipim/interventions/new", headers, body, trickle: TimeSpan.FromMilliseconds(200), host: hostName);
            var cutOff = await RawHttp.SendAsync(host.Port, "POST", "/ipim/interventions/new", headers, body, truncateAt: 300, host: hostName);

            Assert.True(stalled == 408, $"{host.Name}, stalled body: {stalled}");
            Assert.True(trickled == 408, $"{host.Name}, trickled body: {trickled}");
            Assert.True(cutOff is 400 or 0, $"{host.Name}, cut-off body: {cutOff}");
            Assert.True(host.Errors().Count == 0, $"{host.Name} logged: {string.Join('\n', host.Errors())}");
            answers.Add(string.Create(CultureInfo.InvariantCulture, $"{stalled} {trickled}"));
        }

        Assert.Single(answers.Distinct());
        Assert.Empty(await hosts.Pipeline.Get<InterventionStore>().ListAsync(null, CancellationToken.None));
    }
}
