using System.Net;
using System.Text.RegularExpressions;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// The development sign-in form works end to end, signing out ends the session on the server (its cookie, replayed,
/// no longer signs anyone in), and a POST without a valid antiforgery token from this site changes nothing: no
/// session is created, none is ended, and the answer is a 400 page.
/// </summary>
[Collection(SharedWorkspace.Name)]
public sealed partial class WorkspaceFormTests(WorkspaceFixture workspace)
{
    [Fact]
    public async Task SignInForm_GivesASession_ThatOpensTheWorkspace_AndSignOutEndsIt_EvenForItsReplayedCookie()
    {
        using var client = workspace.Client();
        using var form = await WorkspaceHttp.GetAsync(client, "/ipim/signin");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var token = TokenIn(await form.Content.ReadAsStringAsync());

        using var signedIn = await PostAsync(client, "/ipim/signin", null, (WorkspaceAntiforgery.FieldName, token), ("name", "Ria Lezer"), ("role", WorkspaceRoles.Reader));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/ipim", signedIn.Headers.Location?.OriginalString);
        var cookie = SessionCookie(signedIn);
        Assert.NotNull(cookie);

        using var overview = await WorkspaceHttp.GetAsync(client, "/ipim", cookie);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var page = await overview.Content.ReadAsStringAsync();
        Assert.Contains("Ria Lezer", page, StringComparison.Ordinal);

        // A second session of the same name, signed in elsewhere, outlives the first one's sign-out.
        using var other = await PostAsync(client, "/ipim/signin", null, (WorkspaceAntiforgery.FieldName, token), ("name", "Ria Lezer"), ("role", WorkspaceRoles.Reader));
        var otherCookie = SessionCookie(other);
        Assert.NotEqual(cookie, otherCookie);

        using var signedOut = await PostAsync(client, "/ipim/signout", cookie, (WorkspaceAntiforgery.FieldName, TokenIn(page)));
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{DevSignInCookie.Name}=;", StringComparison.Ordinal));

        // The browser forgets the cookie; one who kept a copy finds it worthless, on every page.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WorkspaceHttp.GetAsync(client, "/ipim", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WorkspaceHttp.GetAsync(client, "/ipim/unit?id=" + Uri.EscapeDataString(WorkspaceSeed.Shifted), cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkspaceHttp.GetAsync(client, "/ipim", otherCookie)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAValidTokenOrFromAnotherSite_CreatesNoSession()
    {
        using var client = workspace.Client();
        var valid = workspace.Antiforgery("");
        (string, string)[] fields = [("name", "Mallory"), ("role", WorkspaceRoles.Editor)];

        var attempts = new (string What, string? Token, (string, string)[] Headers)[]
        {
            ("no token", null, []),
            ("garbage token", "AAAA", []),
            ("token of another user", workspace.Antiforgery(workspace.UserId("Someone")), []),
            ("other Origin", valid, [("Origin", "http://evil.example")]),
            ("cross-site fetch", valid, [("Sec-Fetch-Site", "cross-site")]),
        };
        foreach (var (what, token, headers) in attempts)
        {
            (string, string)[] body = token is null ? fields : [.. fields, (WorkspaceAntiforgery.FieldName, token)];
            using var response = await PostAsync(client, "/ipim/signin", null, headers, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{what}: a session cookie was set");
        }

        // The control: the same request with the valid token and this site's Origin does sign in.
        using var accepted = await PostAsync(client, "/ipim/signin", null, [("Origin", workspace.BaseUrl), ("Sec-Fetch-Site", "same-origin")], [.. fields, (WorkspaceAntiforgery.FieldName, valid)]);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAValidToken_LeavesTheSessionAsItWas()
    {
        using var client = workspace.Client();
        var cookie = workspace.Cookie("Ria Lezer", WorkspaceRoles.Reader);

        using var refused = await PostAsync(client, "/ipim/signout", cookie, (WorkspaceAntiforgery.FieldName, workspace.Antiforgery(workspace.UserId("Someone Else"))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Contains("Formulier niet geaccepteerd", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        WorkspaceAccessTests.AssertSecurityHeaders(refused, "400");

        Assert.Equal(HttpStatusCode.OK, (await WorkspaceHttp.GetAsync(client, "/ipim", cookie)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAnUnusableName_IsRefusedWithTheFormAgain()
    {
        using var client = workspace.Client();

        using var response = await PostAsync(client, "/ipim/signin", null, (WorkspaceAntiforgery.FieldName, workspace.Antiforgery("")), ("name", new string('x', 65)), ("role", WorkspaceRoles.Reader));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("aria-invalid=\"true\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? cookie, params (string Name, string Value)[] fields) =>
        PostAsync(client, url, cookie, [], fields);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string? cookie, (string Name, string Value)[] headers, (string Name, string Value)[] fields) =>
        WorkspaceHttp.SendAsync(client, HttpMethod.Post, url, cookie, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), headers);

    private static string TokenIn(string html) => AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no antiforgery field");

    private static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(DevSignInCookie.Name + "=", StringComparison.Ordinal)) : null;

    [GeneratedRegex("name=\"antiforgery\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
