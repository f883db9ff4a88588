using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Access;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Workspace.Access;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// One test's seeded storage (<see cref="WorkspaceSeed"/>) served by both hosts at once, each with its log captured:
/// `pulse host` with the development sign-in, and the Functions app's registration (<see cref="FunctionsStyleHost"/>)
/// as Azure runs it, with App Service Authentication on, PULSE_SURVEY_BASE_URL https://pulse.example.nl and the
/// platform's default host name func-pulse.azurewebsites.net. A test runs the same requests against each and can
/// compare their answers.
/// </summary>
internal sealed class BothHosts : IAsyncDisposable
{
    public const string AppHost = "pulse.example.nl";
    public const string PlatformHost = "func-pulse.azurewebsites.net";

    private readonly WebApplication local;
    private readonly WebApplication functions;

    private BothHosts(TestPipeline pipeline, WebApplication local, WebApplication functions, HostUnderTest localHost, HostUnderTest functionsHost)
    {
        Pipeline = pipeline;
        this.local = local;
        this.functions = functions;
        Local = localHost;
        Functions = functionsHost;
    }

    public TestPipeline Pipeline { get; }

    public HostUnderTest Local { get; }

    public HostUnderTest Functions { get; }

    public IReadOnlyList<HostUnderTest> All => [Local, Functions];

    public static async Task<BothHosts> StartAsync()
    {
        var pipeline = await TestPipeline.CreateAsync(values => values["PULSE_DEV_SIGNIN"] = "true");
        await WorkspaceSeed.WriteAsync(pipeline);
        var keys = new WorkspaceKeys(pipeline.Get<IOptions<PulseOptions>>());
        var localLog = new CapturingLoggerProvider();
        var local = await pipeline.StartHttpHostAsync(logging: b => b.AddProvider(localLog));
        var functionsLog = new CapturingLoggerProvider();
        var port = TestSettings.FreePort();
        var functions = await FunctionsStyleHost.StartAsync(
            pipeline,
            $"http://127.0.0.1:{port}",
            platformAuthentication: true,
            settings: new Dictionary<string, string?> { ["PULSE_SURVEY_BASE_URL"] = "https://" + AppHost, [ServedHosts.PlatformHostSetting] = PlatformHost },
            logging: functionsLog);

        var localHost = new HostUnderTest(
            "pulse host",
            pipeline.HttpPort,
            $"127.0.0.1:{pipeline.HttpPort}",
            pipeline.BaseUrl,
            (name, role) => ("Cookie", $"{DevSignInCookie.Name}={DevSignInCookie.Create(keys.DevSignIn, name, role, DateTimeOffset.UtcNow)}"),
            name => DevSignInCookie.IdFor(keys.DevSignIn, name),
            keys,
            localLog);
        var functionsHost = new HostUnderTest(
            "Functions app",
            port,
            AppHost,
            "https://" + AppHost,
            (name, role) => (ClientPrincipalHeader.Name, PlatformPrincipal.Header(ObjectId(name), name, role)),
            ObjectId,
            keys,
            functionsLog);
        return new BothHosts(pipeline, local, functions, localHost, functionsHost);
    }

    /// <summary>The Entra object id the platform principals of these tests carry for <paramref name="name"/>.</summary>
    public static string ObjectId(string name) => "oid-" + name.Replace(' ', '-').ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        await functions.StopAsync();
        await functions.DisposeAsync();
        await local.StopAsync();
        await local.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
