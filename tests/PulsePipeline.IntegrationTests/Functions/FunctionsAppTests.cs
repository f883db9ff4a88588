using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Functions;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Survey;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Functions;

/// <summary>
/// The Azure entry points run in the suite: the Functions app's own service registration (AddPulseFunctions, what
/// Program.cs calls) against Azurite and smtp4dev, and every one of its functions called on it through its own
/// binding, for a whole wave: opened by the StartWaves timer, invitations sent, every employee answering through
/// the Survey HTTP function, tallied, closed, published, detected and reported to IPIM. A function that this wave
/// never reaches fails the test, so a new one must take part. The app refuses a storage prefix, so this is the one
/// test on the unprefixed names (no other test uses them).
/// </summary>
public sealed partial class FunctionsAppTests
{
    private const string Opening = "StartWaves";

    [Fact]
    public async Task EveryFunction_RunsAWaveThroughTheAppsOwnRegistration()
    {
        var domain = $"fn{TestSettings.NewPrefix()}.example";
        var settings = TestSettings.Create("", "https://pulse.example.nl");
        settings["PULSE_IPIM_RECIPIENTS"] = $"ipim@{domain}";
        settings["PULSE_DIGEST_WHEN_QUIET"] = "true";
        // As App Service sets it with its authentication on (the deployment's case): the workspace then answers a
        // request without a platform principal 401 instead of refusing itself as unavailable.
        settings[PulsePipeline.Workspace.Access.WorkspaceAuthentication.PlatformSetting] = "True";
        var log = new CapturingLoggerProvider();
        using var app = Build(settings, log);
        await app.StartAsync();
        var storage = app.Services.GetRequiredService<PulseStorage>();
        using var mailbox = Smtp4devClient.FromEnvironment();
        try
        {
            var functions = AzureFunction.Discover(app.Services.GetRequiredService<IConfiguration>());
            var calls = new FunctionCalls(app.Services, functions);
            var employees = await ImportRosterAsync(app.Services, domain, employees: 24);

            await calls.TimerAsync(functions.Single(f => f.Name == Opening));
            await calls.DrainAsync(TimeSpan.FromMinutes(2));
            var invitations = await Polling.UntilAsync(ct => mailbox.ListAsync(domain, ct), m => m.Count >= employees, TimeSpan.FromMinutes(2), null, $"{employees} invitations", CancellationToken.None);

            var survey = functions.Single(f => f.Name == SurveyRoutes.FunctionName);
            foreach (var invitation in invitations)
            {
                var token = Link().Match(await mailbox.PlainTextAsync(invitation.Id, CancellationToken.None)).Groups["token"].Value;
                var (status, page) = await calls.HttpAsync(survey, "POST", $"/survey/{token}", "?lang=nl", AnsweredWave.FormBody(AnsweredWave.RandomAnswers(new Random(token.GetHashCode(StringComparison.Ordinal)))));
                Assert.True(status == 200, $"{status}: {page}");
            }

            foreach (var other in functions.Where(f => f.Kind == AzureFunction.HttpKind && f != survey))
            {
                var (status, _) = await calls.HttpAsync(other, "GET", "/" + Regex.Replace(other.Route!, @"\{\*?([^}]*)\}", "x"), "");
                Assert.True(status < 500, $"{other.Name} answered {status}");
            }

            await calls.DrainAsync(TimeSpan.FromMinutes(2));
            var wave = Assert.Single(await app.Services.GetRequiredService<WaveStore>().AllAsync(CancellationToken.None));
            await app.Services.GetRequiredService<WaveStore>().EndEarlyAsync(wave.RowKey, DateTimeOffset.UtcNow, CancellationToken.None);
            foreach (var timer in functions.Where(f => f.Kind == AzureFunction.TimerKind && f.Name != Opening))
            {
                await calls.TimerAsync(timer);
            }

            await calls.DrainAsync(TimeSpan.FromMinutes(3));

            Assert.Equal(functions.Select(f => f.Name), calls.Invoked.Order(StringComparer.Ordinal));
            var published = await app.Services.GetRequiredService<PublishedHistory>().RowsAsync(wave.RowKey, CancellationToken.None);
            Assert.Equal(employees, published.Single(p => p.Parent.Length == 0).N);
            await Polling.UntilAsync(ct => mailbox.ListAsync($"ipim@{domain}", ct), m => m.Count == 1, TimeSpan.FromMinutes(1), null, "the IPIM digest", CancellationToken.None);
            foreach (var queue in StorageNames.Queues)
            {
                Assert.Equal(0, (await storage.PoisonQueue(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
            }

            Assert.DoesNotContain(log.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        }
        finally
        {
            await storage.DeleteAllAsync(app.Services.GetRequiredService<StorageClients>().Tables, CancellationToken.None);
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task AStoragePrefix_StopsTheFunctionsApp_NamingTheSetting()
    {
        using var app = Build(TestSettings.Create(TestSettings.NewPrefix(), "https://pulse.example.nl"), new CapturingLoggerProvider());

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("PULSE_STORAGE_PREFIX must be empty in the Functions app", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>A host with the Functions app's registration and nothing else: the worker's gRPC channel to a Functions host is not ours to test.</summary>
    private static IHost Build(Dictionary<string, string?> settings, CapturingLoggerProvider log)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(log);
        builder.Services.AddPulseFunctions(builder.Configuration);
        return builder.Build();
    }

    private static async Task<int> ImportRosterAsync(IServiceProvider services, string domain, int employees)
    {
        var (units, staff) = SimulatedOrganisation.Create(employees, 8, seed: 113, domain);
        var problems = new List<CsvProblem>();
        var tree = UnitTree.TryBuild(units.Select(u => new UnitLink(u.Id, u.Parent)).ToList(), "units", problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));
        await services.GetRequiredService<RosterStore>().ReplaceAsync(new Models.Roster.Roster(units, staff, tree), CancellationToken.None);
        return staff.Count;
    }

    [GeneratedRegex(@"/survey/(?<token>[A-Za-z0-9_-]{43})\?lang=")]
    private static partial Regex Link();
}
