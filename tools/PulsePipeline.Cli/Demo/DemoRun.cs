using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PulsePipeline.Cli.Commands;
using PulsePipeline.Cli.Hosting;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Simulation;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Cli.Demo;

/// <summary>
/// `pulse demo`: a simulated organisation through the local pipeline. It writes the roster as CSV, imports it
/// with the same code as `pulse roster import`, runs the local host (WebJobs + Kestrel), opens a wave as the
/// timer would, and waits until every invitation is in smtp4dev. The demo has a storage prefix of its own
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
        var (unitsCsv, employeesCsv) = WriteOrganisation();
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

        await host.StopAsync(cancellationToken);
        Console.WriteLine();
        Console.WriteLine("Summary");
        Console.WriteLine($"  employees invited   {wave.Invited}");
        Console.WriteLine($"  units               {wave.Units}");
        Console.WriteLine($"  emails in smtp4dev  {delivered}");
        Console.WriteLine($"  total time          {total.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  roster files        {unitsCsv}, {employeesCsv}");
        Console.WriteLine($"  mailbox             {Environment.GetEnvironmentVariable("PULSE_SMTP4DEV_URL") ?? "http://127.0.0.1:5081"}");
        return 0;
    }

    private (string Units, string Employees) WriteOrganisation()
    {
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed);
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
