using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Where no sign-in can be trusted the workspace is refused outright, whatever the request carries: the development
/// sign-in with PULSE_DEV_SIGNIN off or from another machine; in the Functions app, a forged X-MS-CLIENT-PRINCIPAL
/// while the platform's authentication is off (and, as the control, the same header honoured once it is on).
/// </summary>
public sealed class WorkspaceSignInRefusalTests
{
    [Fact]
    public async Task DevSignInOff_RefusesEveryPage_EvenWithAValidCookie()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await using var host = await pipeline.StartHttpHostAsync();
        using var client = new HttpClient { BaseAddress = new Uri(pipeline.BaseUrl) };
        var cookie = $"{DevSignInCookie.Name}={DevSignInCookie.Create(Keys(pipeline).DevSignIn, "Ria", WorkspaceRoles.Editor, DateTimeOffset.UtcNow)}";

        foreach (var url in new[] { "/ipim", "/ipim/signin", "/ipim/heatmap" })
        {
            using var response = await WorkspaceHttp.GetAsync(client, url, cookie);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("PULSE_DEV_SIGNIN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DevSignIn_FromAnotherMachine_IsRefused_FromLoopbackAccepted()
    {
        await using var pipeline = await TestPipeline.CreateAsync(values => values["PULSE_DEV_SIGNIN"] = "true");
        await using var host = await pipeline.StartHttpHostAsync();
        var endpoint = host.Services.GetRequiredService<WorkspaceEndpoint>();
        var cookie = DevSignInCookie.Create(Keys(pipeline).DevSignIn, "Ria", WorkspaceRoles.Reader, DateTimeOffset.UtcNow);

        async Task<int> StatusFromAsync(IPAddress remote)
        {
            var context = new DefaultHttpContext { RequestServices = host.Services };
            context.Connection.RemoteIpAddress = remote;
            context.Connection.LocalPort = pipeline.HttpPort;
            context.Request.Method = "GET";
            context.Request.Host = new HostString("127.0.0.1", pipeline.HttpPort);
            context.Request.Path = "/ipim/heatmap";
            context.Request.Headers.Cookie = $"{DevSignInCookie.Name}={cookie}";
            context.Response.Body = new MemoryStream();
            await endpoint.HandleAsync(context, "heatmap");
            return context.Response.StatusCode;
        }

        Assert.Equal(StatusCodes.Status403Forbidden, await StatusFromAsync(IPAddress.Parse("192.0.2.10")));
        Assert.Equal(StatusCodes.Status403Forbidden, await StatusFromAsync(IPAddress.Parse("::ffff:192.0.2.10")));
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(IPAddress.Loopback));
        Assert.Equal(StatusCodes.Status200OK, await StatusFromAsync(IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public async Task FunctionsApp_ForgedClientPrincipal_IsRefusedWhilePlatformAuthenticationIsOff()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var url = $"http://127.0.0.1:{TestSettings.FreePort()}";
        await using var host = await FunctionsStyleHost.StartAsync(pipeline, url, platformAuthentication: false);
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var forged = PlatformPrincipal.Header("oid-mallory", "Mallory", WorkspaceRoles.Editor, WorkspaceRoles.Reader);

        foreach (var path in new[] { "/ipim", "/ipim/heatmap", "/ipim/signin" })
        {
            using var response = await WorkspaceHttp.GetAsync(client, path, cookie: null, (ClientPrincipalHeader.Name, forged));
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode}");
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("App Service Authentication", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Mallory", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FunctionsApp_WithPlatformAuthenticationOn_HonoursThePlatformPrincipal_AndNoDevSignIn()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var url = $"http://127.0.0.1:{TestSettings.FreePort()}";
        await using var host = await FunctionsStyleHost.StartAsync(pipeline, url, platformAuthentication: true);
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url) };
        var devCookie = $"{DevSignInCookie.Name}={DevSignInCookie.Create(Keys(pipeline).DevSignIn, "Ria", WorkspaceRoles.Reader, DateTimeOffset.UtcNow)}";

        Assert.Equal(HttpStatusCode.OK, (await WorkspaceHttp.GetAsync(client, "/ipim", null, (ClientPrincipalHeader.Name, PlatformPrincipal.Header("oid-1", "An", WorkspaceRoles.Reader)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WorkspaceHttp.GetAsync(client, "/ipim", null, (ClientPrincipalHeader.Name, PlatformPrincipal.Header("oid-2", "Manager")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WorkspaceHttp.GetAsync(client, "/ipim", devCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WorkspaceHttp.GetAsync(client, "/ipim/signin")).StatusCode);
        using var signedOut = await WorkspaceHttp.GetAsync(client, "/ipim");
        Assert.Contains("/.auth/login/aad", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionsApp_RefusesToStart_WithTheDevelopmentSignInOn()
    {
        await using var pipeline = await TestPipeline.CreateAsync();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            FunctionsStyleHost.StartAsync(pipeline, $"http://127.0.0.1:{TestSettings.FreePort()}", platformAuthentication: true, devSignIn: true));

        Assert.Contains(FunctionsSignInRule.Message, refused.Message, StringComparison.Ordinal);
    }

    private static WorkspaceKeys Keys(TestPipeline pipeline) => new(pipeline.Get<IOptions<PulseOptions>>());
}
