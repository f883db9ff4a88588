using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Waves;
using PulsePipeline.TestSupport;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// One test's pipeline against the real Azurite and smtp4dev: the same services both hosts use, over tables
/// and queues under a prefix of its own (deleted afterwards), with recipients at an email domain of its own.
/// </summary>
internal sealed class TestPipeline : IAsyncDisposable
{
    private readonly IHost runtime;

    private TestPipeline(string prefix, int httpPort, SettingsLayers settings, IHost runtime)
    {
        Prefix = prefix;
        HttpPort = httpPort;
        Settings = settings;
        this.runtime = runtime;
    }

    public string Prefix { get; }

    public int HttpPort { get; }

    public string BaseUrl => $"http://127.0.0.1:{HttpPort}";

    public SettingsLayers Settings { get; }

    /// <summary>Every recipient of this test is at this domain, so its mails can be told from others in smtp4dev.</summary>
    public string EmailDomain => $"{Prefix}.example";

    public PulseStorage Storage => Get<PulseStorage>();

    public Smtp4devClient Mailbox { get; } = Smtp4devClient.FromEnvironment();

    /// <param name="adjust">Changes to the test's settings.</param>
    /// <param name="clock">A clock for the steps (tests of timing rules); the system clock by default.</param>
    /// <param name="services">More service set-up after the pipeline's (a tap on the storage clients).</param>
    public static async Task<TestPipeline> CreateAsync(Action<Dictionary<string, string?>>? adjust = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var prefix = TestSettings.NewPrefix();
        var port = TestSettings.FreePort();
        var values = TestSettings.Create(prefix, $"http://127.0.0.1:{port}");
        adjust?.Invoke(values);
        var settings = new SettingsLayers(new Dictionary<string, string?>(), values);
        var runtime = await PipelineRuntime.StartAsync(settings, CancellationToken.None, registered =>
        {
            if (clock is not null)
            {
                registered.AddSingleton(clock);
            }

            services?.Invoke(registered);
        });
        return new TestPipeline(prefix, port, settings, runtime);
    }

    public T Get<T>()
        where T : notnull => runtime.Get<T>();

    /// <summary>The wave's own table (its tokens, markers and running tallies), by the name on its row.</summary>
    public async Task<TableClient> WaveTableAsync(string waveId) =>
        Storage.WaveTable(await Get<WaveStore>().GetAsync(waveId, CancellationToken.None) ?? throw new InvalidOperationException($"wave {waveId} does not exist"));

    public async Task<Models.Roster.Roster> ImportAsync(int employees, int units, int seed)
    {
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed, EmailDomain);
        var problems = new List<CsvProblem>();
        var tree = UnitTree.TryBuild(unitRows.Select(u => new UnitLink(u.Id, u.Parent)).ToList(), "units", problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));
        var roster = new Models.Roster.Roster(unitRows, staff, tree);
        await Get<RosterStore>().ReplaceAsync(roster, CancellationToken.None);
        return roster;
    }

    /// <summary>A roster from CSV text (units: unit,parent,name; employees: employee_id,email,language,unit).</summary>
    public async Task<Models.Roster.Roster> ImportAsync(string unitsCsv, string employeesCsv)
    {
        var (roster, problems) = RosterReader.Read(
            CsvReader.Read(new StringReader(unitsCsv), "units.csv", RosterReader.UnitColumns),
            CsvReader.Read(new StringReader(employeesCsv), "employees.csv", RosterReader.EmployeeColumns));
        if (roster is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        await Get<RosterStore>().ReplaceAsync(roster, CancellationToken.None);
        return roster;
    }

    /// <summary>The local host (WebJobs SDK + Kestrel) over this test's storage; more than one need URLs of their own.</summary>
    public async Task<WebApplication> StartHostAsync(string? url = null)
    {
        var host = LocalPipelineHost.Create(Settings, url ?? BaseUrl, LogLevel.Warning);
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// The local host with its HTTP routes only: no queue or timer triggers, so what the routes enqueue stays on
    /// the queue for the test to inspect. <paramref name="logging"/> can add a provider to capture the log.
    /// </summary>
    public async Task<WebApplication> StartHttpHostAsync(LogLevel logLevel = LogLevel.Warning, Action<ILoggingBuilder>? logging = null)
    {
        var host = LocalPipelineHost.Create(Settings, BaseUrl, logLevel, HttpOnly, triggers: []);
        await host.StartAsync();
        return host;

        void HttpOnly(ILoggingBuilder builder)
        {
            builder.AddFilter("Host.Startup", LogLevel.Error); // "No job functions found" is the point here
            logging?.Invoke(builder);
        }
    }

    public async Task<IReadOnlyList<MailSummary>> WaitForMailsAsync(int count, TimeSpan? deadline = null) =>
        await Polling.UntilAsync(
            ct => Mailbox.ListAsync(EmailDomain, ct),
            mails => mails.Count >= count,
            deadline ?? TimeSpan.FromMinutes(3),
            null,
            $"{count} emails to {EmailDomain}",
            CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Storage.DeleteAllAsync(Get<StorageClients>().Tables, CancellationToken.None);
        await runtime.StopAsync();
        runtime.Dispose();
        Mailbox.Dispose();
    }
}
