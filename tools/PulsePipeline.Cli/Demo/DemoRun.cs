using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Cli.Hosting;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Simulation;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Cli.Demo;

/// <summary>
/// `pulse demo`: a simulated organisation through the local pipeline. It writes the roster as CSV, imports it
/// with the same code as `pulse roster import`, runs the local host (WebJobs + Kestrel), opens a wave as the
/// timer would, waits until every invitation is in smtp4dev, lets simulated employees answer through the
/// survey form over HTTP, closes the wave and prints what was published. The demo has a storage prefix of its own
/// ("demo") and starts from empty storage and an empty mailbox every time.
/// </summary>
internal sealed class DemoRun(int employees, int units, int seed, string workDirectory, string url)
{
    public const string StoragePrefix = "demo";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var settings = SettingsLayers.FromSettingsFile() with
        {
            Overrides = new Dictionary<string, string?> { ["PULSE_STORAGE_PREFIX"] = StoragePrefix },
        };

        Console.WriteLine($"PulsePipeline demo: {employees} employees in {units} units (seed {seed}).");
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed);
        var (unitsCsv, employeesCsv) = WriteOrganisation(unitRows, staff);
        using var mailbox = Smtp4devClient.FromEnvironment();
        await ResetAsync(settings, mailbox, cancellationToken);

        var imported = await RosterImport.RunAsync(unitsCsv, employeesCsv, settings, cancellationToken);
        if (imported != 0)
        {
            return imported;
        }

        await using var host = LocalHost.Create(settings, url, LogLevel.Warning);
        await host.StartAsync(cancellationToken);
        Console.WriteLine($"Local host running (WebJobs SDK on Azurite, HTTP on {url}).");

        var wave = await InviteAsync(host, mailbox, cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var respondents = new DemoRespondents(staff, seed);
        var (answered, invited) = await respondents.AnswerAsync(mailbox, http, "", cancellationToken);
        var published = await PublishAsync(host, wave.RowKey, cancellationToken);

        await host.StopAsync(cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"Published results of wave {wave.RowKey} (k = {host.Services.GetRequiredService<IOptions<PulseOptions>>().Value.K}):");
        DemoReport.PrintPublished(published, levels: 2);
        Console.WriteLine();
        Console.WriteLine("Summary");
        Console.WriteLine($"  employees invited   {wave.Invited} in {wave.Units} units");
        Console.WriteLine($"  emails in smtp4dev  {invited}");
        Console.WriteLine($"  answered over HTTP  {answered} ({(double)answered / invited:P0})");
        Console.WriteLine($"  units suppressed    {published.Count(p => !p.Published)} of {published.Count}");
        Console.WriteLine($"  total time          {total.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  roster files        {unitsCsv}, {employeesCsv}");
        Console.WriteLine($"  mailbox             {Environment.GetEnvironmentVariable("PULSE_SMTP4DEV_URL") ?? "http://127.0.0.1:5081"}");
        return 0;
    }

    private static async Task<WaveEntity> InviteAsync(WebApplication host, Smtp4devClient mailbox, CancellationToken cancellationToken)
    {
        var opening = Stopwatch.StartNew();
        var waveId = $"demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var wave = await host.Services.GetRequiredService<OpenWaveStep>().OpenAsync(waveId, cancellationToken)
            ?? throw new InvalidOperationException("The wave did not open: no roster.");
        Console.WriteLine($"Wave {wave.RowKey} opened in {opening.Elapsed.TotalSeconds:0.0} s: {wave.Invited} tokens stored, invitations enqueued; closes {wave.ClosesAt:u}.");

        var sending = Stopwatch.StartNew();
        var progress = new Progress("invitations in smtp4dev");
        var delivered = await Polling.UntilAsync(
            ct => mailbox.CountAsync(null, ct),
            count => count >= wave.Invited,
            TimeSpan.FromSeconds(Math.Max(300, wave.Invited / 10)),
            count => progress.Report($"{count}/{wave.Invited}"),
            "delivery of every invitation",
            cancellationToken);
        progress.Done($"{delivered}/{wave.Invited} in {sending.Elapsed.TotalSeconds:0.0} s ({delivered / sending.Elapsed.TotalSeconds:0} emails/s)");
        return wave;
    }

    /// <summary>Closes the wave as its timer would at the end, and waits for the host to publish it.</summary>
    private static async Task<IReadOnlyList<PublishedEntity>> PublishAsync(WebApplication host, string waveId, CancellationToken cancellationToken)
    {
        var waves = host.Services.GetRequiredService<WaveStore>();
        await waves.EndEarlyAsync(waveId, DateTimeOffset.UtcNow, cancellationToken);
        await host.Services.GetRequiredService<CloseWavesStep>().RunAsync(cancellationToken);
        var progress = new Progress("closing and publishing");
        var clock = Stopwatch.StartNew();
        await Polling.UntilAsync(
            ct => waves.GetAsync(waveId, ct),
            wave => wave?.State == WaveStates.Published,
            TimeSpan.FromMinutes(10),
            wave => progress.Report($"{wave?.State} ({clock.Elapsed.TotalSeconds:0} s; publication waits until every response is tallied)"),
            $"publication of wave {waveId}",
            cancellationToken);
        progress.Done($"published in {clock.Elapsed.TotalSeconds:0.0} s");
        var storage = host.Services.GetRequiredService<PulseStorage>();
        return await storage.Published.QueryAsync<PublishedEntity>(p => p.PartitionKey == waveId, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    private (string Units, string Employees) WriteOrganisation(IReadOnlyList<RosterUnit> unitRows, IReadOnlyList<RosterEmployee> staff)
    {
        Directory.CreateDirectory(workDirectory);
        var unitsPath = Path.Combine(workDirectory, "units.csv");
        var employeesPath = Path.Combine(workDirectory, "employees.csv");
        using (var writer = new StreamWriter(unitsPath))
        {
            var csv = new CsvWriter(writer);
            csv.WriteRow(RosterReader.UnitColumns);
            foreach (var u in unitRows)
            {
                csv.WriteRow(u.Id, u.Parent ?? "", CsvWriter.Text(u.Name));
            }
        }

        using (var writer = new StreamWriter(employeesPath))
        {
            var csv = new CsvWriter(writer);
            csv.WriteRow(RosterReader.EmployeeColumns);
            foreach (var e in staff)
            {
                csv.WriteRow(e.Id, e.Email, Models.Instrument.Languages.Code(e.Language), e.Unit);
            }
        }

        return (unitsPath, employeesPath);
    }

    private static async Task ResetAsync(SettingsLayers settings, Smtp4devClient mailbox, CancellationToken cancellationToken)
    {
        using (var runtime = await PipelineRuntime.StartAsync(settings, cancellationToken))
        {
            var storage = runtime.Get<PulseStorage>();
            await storage.DeleteAllAsync(cancellationToken);
            await storage.EnsureCreatedAsync(cancellationToken);
        }

        await mailbox.DeleteAllAsync(cancellationToken);
        Console.WriteLine("Reset the demo's storage (prefix 'demo') and emptied the smtp4dev mailbox.");
    }
}
