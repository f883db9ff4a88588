using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.TestSupport;

namespace PulsePipeline.Lab.Demo;

/// <summary>
/// `pulse demo`: a simulated organisation through the local pipeline. It writes the roster as CSV, imports it
/// with the same code as `pulse roster import`, runs the local host (WebJobs + Kestrel), opens a wave as the
/// timer would, waits until every invitation is in smtp4dev, lets simulated employees answer through the
/// survey form over HTTP, closes the wave, and lets the host publish it, flag shifting units and email IPIM;
/// several waves in a row, with a few planted shifts; with enough waves IPIM records interventions in the flagged units
/// (<see cref="DemoInterventions"/>), some with a planted effect, and runs one randomised rollout plan over further flagged
/// departments (<see cref="DemoRollout"/>), and the pipeline estimates their effects. It then
/// prints what was published, what was flagged and the effects found against the planted ones. The demo has a storage prefix of its own
/// ("demo") and starts from empty storage and an empty mailbox every time.
/// </summary>
/// <param name="importRoster">`pulse roster import` (units CSV, employees CSV): the demo imports with the command's own code.</param>
internal sealed class DemoRun(int employees, int units, int waves, int seed, string workDirectory, string url, bool exitAtEnd, Func<string, string, SettingsLayers, CancellationToken, Task<int>> importRoster)
{
    public const string StoragePrefix = "demo";

    /// <summary>Wave ids are months, as a monthly schedule would name them.</summary>
    public static string WaveId(int number) => $"2027-{number:00}";

    public static int WaveNumber(string waveId) => int.Parse(waveId.AsSpan(5), CultureInfo.InvariantCulture);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var settings = SettingsLayers.FromSettingsFile() with
        {
            // A demo wave lasts minutes, not two weeks: open one-day waves (without reminders, which a day leaves no
            // room for), so the invitations' closing date is the day the demo closes them, at the latest.
            Overrides = new Dictionary<string, string?>
            {
                ["PULSE_STORAGE_PREFIX"] = StoragePrefix,
                ["PULSE_WAVE_LENGTH_DAYS"] = "1",
                ["PULSE_REMINDER_DAYS"] = "",
            },
        };

        Console.WriteLine($"PulsePipeline demo: {employees} employees in {units} units, {waves} wave(s) (seed {seed}).");
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed);
        var (unitsCsv, employeesCsv) = WriteOrganisation(unitRows, staff);
        using var mailbox = Smtp4devClient.FromEnvironment();
        await ResetAsync(settings, mailbox, cancellationToken);

        var imported = await importRoster(unitsCsv, employeesCsv, settings, cancellationToken);
        if (imported != 0)
        {
            return imported;
        }

        await using var host = LocalPipelineHost.Create(settings, url, LogLevel.Warning);
        await host.StartListeningAsync(cancellationToken);
        Console.WriteLine($"Local host running (WebJobs SDK on Azurite, HTTP on {url}).");
        try
        {
            return await RunWavesAsync(host, mailbox, unitRows, staff, total, unitsCsv, employeesCsv, cancellationToken);
        }
        finally
        {
            // Stop the triggers before the host is disposed: disposing under running queue listeners crashes them.
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task<int> RunWavesAsync(WebApplication host, Smtp4devClient mailbox, IReadOnlyList<RosterUnit> unitRows, IReadOnlyList<RosterEmployee> staff, Stopwatch total, string unitsCsv, string employeesCsv, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var plan = DemoPlan.For(unitRows, staff, waves);
        DemoReport.PrintPlanted(plan);
        Console.WriteLine("Each wave is opened as a one-day wave (its invitations say it closes tomorrow) and closed early, as soon as");
        Console.WriteLine("its simulated employees have answered; wave ids are months, as a monthly schedule would name them.");
        var respondents = new DemoRespondents(staff, seed);
        var runner = new DemoWave(host, mailbox, http, respondents);
        var results = new List<DemoWaveResult>();
        var rolloutRun = new DemoRollout(host.Services.GetRequiredService<PlanEligibility>(), host.Services.GetRequiredService<PlanRegistry>(), host.Services.GetRequiredService<PlanDraws>());
        RolloutPlan? drawn = null;
        for (var number = 1; number <= waves; number++)
        {
            var result = await runner.RunAsync(WaveId(number), number, plan, keepInvitations: number == waves, cancellationToken);
            results.Add(result);
            Console.WriteLine($"  wave {result.Wave.RowKey}: {result.Answered} of {result.Invited} answered, {result.Published.Count(p => p.Published)} of {result.Published.Count} units published, {result.FlaggedUnits.Count()} flagged.");
            plan = await DemoInterventions.RecordAsync(host, plan, result, number, waves, cancellationToken);
            (plan, var registered) = await rolloutRun.RunAsync(plan, unitRows, number, waves, cancellationToken);
            drawn ??= registered;
        }

        var last = results[^1];
        Console.WriteLine();
        Console.WriteLine($"Published results of wave {last.Wave.RowKey} (k = {host.Services.GetRequiredService<IOptions<PulseOptions>>().Value.K}):");
        DemoReport.PrintPublished(last.Published, levels: 2);
        if (plan.Shifts.Count > 0)
        {
            Console.WriteLine();
            DemoReport.PrintDetection(plan, results, unitRows);
        }

        if (plan.Starts.Count > 0)
        {
            Console.WriteLine();
            await PrintEffectsAsync(host, plan, drawn, results, respondents.Climates, cancellationToken);
        }

        var recipients = host.Services.GetRequiredService<IOptions<PulseOptions>>().Value.IpimRecipientList;
        var digests = await mailbox.CountAsync(recipients[0], cancellationToken);
        Console.WriteLine();
        Console.WriteLine("Summary");
        Console.WriteLine($"  employees invited   {last.Wave.Invited} in {last.Wave.Units} units, {waves} wave(s)");
        Console.WriteLine($"  emails sent         {results.Sum(r => r.Invited)} invitations, {digests} IPIM digest(s) to {recipients[0]}");
        Console.WriteLine($"  still in smtp4dev   {await mailbox.CountAsync(null, cancellationToken)}: the {last.Invited} invitations of wave {last.Wave.RowKey} (earlier waves' are removed, smtp4dev slows as it fills) and the {digests} digest(s)");
        Console.WriteLine($"  answered over HTTP  {results.Sum(r => r.Answered)} ({(double)results.Sum(r => r.Answered) / results.Sum(r => r.Invited):P0})");
        Console.WriteLine($"  units suppressed    {last.Published.Count(p => !p.Published)} of {last.Published.Count} in the last wave");
        Console.WriteLine($"  total time          {total.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"  roster files        {unitsCsv}, {employeesCsv}");
        Console.WriteLine($"  mailbox             {Environment.GetEnvironmentVariable("PULSE_SMTP4DEV_URL") ?? "http://127.0.0.1:5081"}");
        return exitAtEnd ? 0 : await DemoOpenEnd.RunAsync(host, WaveId(waves + 1), staff[0], url, cancellationToken);
    }

    /// <summary>The effects the pipeline stored for the last wave, and the rollout plan's beside the pooled estimate of its members.</summary>
    private static async Task PrintEffectsAsync(WebApplication host, DemoPlan plan, RolloutPlan? drawn, List<DemoWaveResult> results, IReadOnlyDictionary<string, double> climates, CancellationToken cancellationToken)
    {
        var last = results[^1].Wave.RowKey;
        var stored = await host.Services.GetRequiredService<EffectStore>().ReadAsync(last, cancellationToken);
        DemoEffectsReport.Print(plan, stored, climates, last);
        if (drawn is not null)
        {
            Console.WriteLine();
            var planEffects = await host.Services.GetRequiredService<PlanEffectStore>().ReadAsync(last, cancellationToken);
            bool Published(string unit, int wave) => results[wave - 1].Published.Any(p => p.Unit == unit && p.Published);
            DemoRolloutReport.Print(plan, drawn, planEffects, stored, climates, Published, last);
        }
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
            await storage.DeleteAllAsync(runtime.Get<StorageClients>().Tables, cancellationToken);
            await storage.EnsureCreatedAsync(cancellationToken);
        }

        await mailbox.DeleteAllAsync(cancellationToken);
        Console.WriteLine("Reset the demo's storage (prefix 'demo') and emptied the smtp4dev mailbox.");
    }
}
