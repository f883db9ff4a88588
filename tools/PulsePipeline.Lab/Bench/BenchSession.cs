using Microsoft.Extensions.Hosting;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// One bench run's storage and mailbox: a storage prefix of its own ("bench" and a random suffix), deleted
/// afterwards, and the bench's smtp4dev emptied before and after. Sending is unlimited (PULSE_SEND_LIMITS
/// empty) and the IPIM digest goes out even for a quiet wave, so every stage has work to time.
/// </summary>
internal sealed class BenchSession : IAsyncDisposable
{
    public const string EmailDomain = "bench.example";

    private readonly IHost runtime;

    private BenchSession(string prefix, SettingsLayers settings, IHost runtime)
    {
        Prefix = prefix;
        Settings = settings;
        this.runtime = runtime;
    }

    public string Prefix { get; }

    public SettingsLayers Settings { get; }

    public Smtp4devClient Mailbox { get; } = Smtp4devClient.FromEnvironment();

    public PulseStorage Storage => runtime.Get<PulseStorage>();

    public T Get<T>()
        where T : notnull => runtime.Get<T>();

    public static async Task<BenchSession> StartAsync(CancellationToken cancellationToken)
    {
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        var settings = SettingsLayers.FromSettingsFile() with
        {
            Overrides = new Dictionary<string, string?>
            {
                ["PULSE_STORAGE_PREFIX"] = prefix,
                ["PULSE_SEND_LIMITS"] = "",
                ["PULSE_DIGEST_WHEN_QUIET"] = "true",
                ["PULSE_IPIM_RECIPIENTS"] = $"ipim@{EmailDomain}",
            },
        };
        var runtime = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var session = new BenchSession(prefix, settings, runtime);
        await session.Mailbox.DeleteAllAsync(cancellationToken);
        Console.WriteLine($"  storage prefix {prefix} (deleted afterwards); smtp4dev mailbox emptied");
        return session;
    }

    /// <summary>Imports a simulated organisation as the roster, with the same store `pulse roster import` uses.</summary>
    public async Task<(int Employees, int Units)> ImportAsync(int employees, int units, int seed, CancellationToken cancellationToken)
    {
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed, EmailDomain);
        var problems = new List<CsvProblem>();
        var tree = UnitTree.TryBuild(unitRows.Select(u => new UnitLink(u.Id, u.Parent)).ToList(), "units", problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));
        await Get<RosterStore>().ReplaceAsync(new Roster(unitRows, staff, tree), cancellationToken);
        return (staff.Count, unitRows.Count);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Storage.DeleteAllAsync(Get<StorageClients>().Tables, CancellationToken.None);
            await Mailbox.DeleteAllAsync(CancellationToken.None);
            Console.WriteLine($"  cleaned up: storage prefix {Prefix} deleted, smtp4dev mailbox emptied");
        }
        finally
        {
            await runtime.StopAsync();
            runtime.Dispose();
            Mailbox.Dispose();
        }
    }
}
