using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// One seeded workspace for the read-only workspace tests: its own storage prefix with <see cref="WorkspaceSeed"/>'s
/// published history, and `pulse host` serving HTTP only, with the development sign-in on. The tests only read it
/// (signing in and out changes nothing in storage), so they may share it.
/// </summary>
public sealed class WorkspaceFixture : IAsyncLifetime
{
    private WebApplication? host;

    internal TestPipeline Pipeline { get; private set; } = default!;

    public string BaseUrl => Pipeline.BaseUrl;

    public async Task InitializeAsync()
    {
        Pipeline = await TestPipeline.CreateAsync(values => values["PULSE_DEV_SIGNIN"] = "true");
        await WorkspaceSeed.WriteAsync(Pipeline);
        await RegistrySeed.WriteAsync(Pipeline);
        await PlanSeed.WriteAsync(Pipeline);
        host = await Pipeline.StartHttpHostAsync();
    }

    /// <summary>A development sign-in cookie as the sign-in form sets it (same keys as the host: same secret).</summary>
    public string Cookie(string name, string? role) =>
        $"{DevSignInCookie.Name}={DevSignInCookie.Create(Keys.DevSignIn, name, role, DateTimeOffset.UtcNow)}";

    /// <summary>The stable id the development sign-in gives <paramref name="name"/>; antiforgery tokens are bound to it.</summary>
    public string UserId(string name) => DevSignInCookie.IdFor(Keys.DevSignIn, name);

    /// <summary>An antiforgery token for the user the cookie signs in (empty user: signed out).</summary>
    public string Antiforgery(string userId) => WorkspaceAntiforgery.Issue(Keys.Antiforgery, userId, DateTimeOffset.UtcNow);

    public HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(BaseUrl) };

    private WorkspaceKeys Keys => new(Pipeline.Get<IOptions<PulseOptions>>());

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }

        await Pipeline.DisposeAsync();
    }
}
