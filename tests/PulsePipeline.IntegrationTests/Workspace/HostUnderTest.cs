using System.Net;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// One of <see cref="BothHosts"/>: where it listens, the Host and Origin it serves, how a person signs in there (a
/// header: the development sign-in's cookie, or the platform's X-MS-CLIENT-PRINCIPAL), the id antiforgery tokens are
/// bound to for that person, and its captured log.
/// </summary>
internal sealed record HostUnderTest(
    string Name,
    int Port,
    string Host,
    string Origin,
    Func<string, string, (string Header, string Value)> SignIn,
    Func<string, string> UserId,
    WorkspaceKeys Keys,
    CapturingLoggerProvider Log)
{
    public HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };

    /// <summary>An antiforgery token for <paramref name="name"/> as this host signs them in.</summary>
    public string Antiforgery(string name) => WorkspaceAntiforgery.Issue(Keys.Antiforgery, UserId(name), DateTimeOffset.UtcNow);

    /// <summary>
    /// A request as a browser sends it: signed in as <paramref name="name"/> with <paramref name="role"/> (or not, when
    /// null), under the served Host unless <paramref name="host"/> names another, with an Origin when one is given.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? name = null, string role = WorkspaceRoles.Editor, IEnumerable<KeyValuePair<string, string>>? form = null, string? host = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Host = host ?? Host;
        if (name is not null)
        {
            var (header, value) = SignIn(name, role);
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The log lines at Error or Critical: a client's fault must leave none.</summary>
    public IReadOnlyList<string> Errors() => [.. Log.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))];
}
