using System.Net;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Access on every route of <see cref="WorkspaceRoutes"/> (enumerated, so a new route is tested without touching
/// this file), on `pulse host` with the development sign-in: 401 signed out, 403 signed in without a role, 200 for
/// a reader on every read, 403 for a reader on every editor's write; the security headers on every answer.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed class WorkspaceAccessTests(WorkspaceFixture workspace)
{
    /// <summary>Every (route, method) pair, with a URL that reaches the route's real content.</summary>
    public static IEnumerable<(WorkspaceRoute Route, HttpMethod Method, string Url)> Requests() =>
        from route in WorkspaceRoutes.All
        from method in route.Methods
        select (route, new HttpMethod(method), route.Page switch
        {
            WorkspacePage.Unit => $"{route.Url}?id={Uri.EscapeDataString(WorkspaceSeed.Shifted)}",
            WorkspacePage.InterventionEdit => $"{route.Url}?id=iv-any",
            _ => route.Url,
        });

    [Fact]
    public async Task EveryProtectedRoute_SignedOut_Is401_WithTheSecurityHeaders()
    {
        using var client = workspace.Client();
        var checkedRoutes = 0;
        foreach (var (route, method, url) in Requests().Where(r => r.Route.Access != WorkspaceAccess.Public))
        {
            using var response = await SendAsync(client, method, url, cookie: null, userId: "");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {url}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response, $"{method} {url}");
            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 3, "the protected routes were enumerated");
    }

    [Fact]
    public async Task EveryProtectedRoute_SignedInWithoutARole_Is403()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Manager Zonder Rol", role: null);
        foreach (var (route, method, url) in Requests().Where(r => r.Route.Access != WorkspaceAccess.Public))
        {
            using var response = await SendAsync(client, method, url, cookie, workspace.UserId("Manager Zonder Rol"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryRead_Reader_Is200_AndEveryEditorsWrite_Reader_Is403()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);
        foreach (var (route, method, url) in Requests().Where(r => r.Method != HttpMethod.Post && r.Route.Access != WorkspaceAccess.Editor))
        {
            using var response = await SendAsync(client, method, url, cookie, workspace.UserId("Ria Lezer"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {url}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response, $"{method} {url}");
        }

        // Every method of an editor's route, its forms included, is refused to a reader.
        var editorRoutes = 0;
        foreach (var (route, method, url) in Requests().Where(r => r.Route.Access == WorkspaceAccess.Editor))
        {
            using var response = await SendAsync(client, method, url, cookie, workspace.UserId("Ria Lezer"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
            editorRoutes++;
        }

        Assert.True(editorRoutes >= 4, "the editors' routes were enumerated");
    }

    [Fact]
    public async Task UnknownPath_IsRefusedLikeAnyPage_ThenNotFound()
    {
        using var client = workspace.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await WorkspaceHttp.GetAsync(client, "/ipim/tallies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WorkspaceHttp.GetAsync(client, "/ipim/tallies", workspace.Cookie("Geen Rol", null))).StatusCode);
        using var found = await WorkspaceHttp.GetAsync(client, "/ipim/tallies", workspace.Cookie("Ria", WorkspaceRoles.Reader));
        Assert.Equal(HttpStatusCode.NotFound, found.StatusCode);
        AssertSecurityHeaders(found, "404");
        Assert.Equal(HttpStatusCode.NotFound, (await WorkspaceHttp.GetAsync(client, "/ipim/unit?id=nobody", workspace.Cookie("Ria", WorkspaceRoles.Reader))).StatusCode);
        using var wrongMethod = await WorkspaceHttp.SendAsync(client, HttpMethod.Delete, "/ipim", workspace.Cookie("Ria", WorkspaceRoles.Reader));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(["GET", "HEAD"], wrongMethod.Content.Headers.Allow);
    }

    [Fact]
    public async Task ForgedClientPrincipal_IsIgnoredByPulseHost()
    {
        using var client = workspace.Client();
        var forged = PlatformPrincipal.Header("oid-forged", "Mallory", WorkspaceRoles.Editor);

        using var response = await WorkspaceHttp.GetAsync(client, "/ipim", cookie: null, (ClientPrincipalHeader.Name, forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: no-store");
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(WorkspaceHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
    }

    /// <summary>A request to the route; a POST carries a valid antiforgery token for the user, so only access can refuse it.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? cookie, string userId)
    {
        var form = method == HttpMethod.Post ? new Dictionary<string, string> { [WorkspaceAntiforgery.FieldName] = workspace.Antiforgery(userId) } : null;
        return await WorkspaceHttp.SendAsync(client, method, url, cookie, form);
    }
}
