using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Access;
using PulsePipeline.Workspace.Pages;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench workspace`: each page of the IPIM workspace requested over HTTP from the local host (Kestrel, as
/// `pulse host`, signed in with the development sign-in cookie as an editor) <c>--n</c> times, alternated with the raw
/// reads of the same rows (<see cref="WorkspaceRawReads"/>) after a warm-up of each; the median and 95th percentile of
/// both, their p95 ratio and the page's size. The history is seeded straight to storage (<see cref="EffectHistorySeed"/>,
/// with a tree of ministries), its flags written by the DetectShifts step wave by wave and the effects of the last two
/// waves by the EstimateEffects step, as the pipeline leaves them.
/// </summary>
internal static class WorkspaceBench
{
    private const int Ministries = 12;
    private const int ReportWaves = 12;

    public static async Task<int> RunAsync(int units, int waves, int interventions, int n, bool profile, int seed, CancellationToken cancellationToken)
    {
        if (profile)
        {
            Profile.Start();
        }

        BenchOutput.Heading($"pulse bench workspace: {units} units, {waves} waves, {interventions} interventions; {n} requests of each page after a warm-up");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var (ids, tree) = await SeedAsync(session, units, waves, interventions, seed, cancellationToken);

        var settings = session.Settings with { Overrides = new Dictionary<string, string?>(session.Settings.Overrides) { ["PULSE_DEV_SIGNIN"] = "true" } };
        var url = LocalPipelineHost.LocalUrl();
        await using var host = LocalPipelineHost.Create(settings, url, LogLevel.Warning, logging: l => l.AddFilter("Host.Startup", LogLevel.Error), triggers: []);
        await host.StartListeningAsync(cancellationToken);
        var cookie = $"{DevSignInCookie.Name}={DevSignInCookie.Create(host.Services.GetRequiredService<WorkspaceKeys>().DevSignIn, "bench", WorkspaceRoles.Editor, DateTimeOffset.UtcNow)}";
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
        var pages = await PagesAsync(session, ids, tree, cancellationToken);
        var results = await MeasurePagesAsync(pages, n, profile, path => GetAsync(http, path, cookie, cancellationToken));
        await host.StopAsync(cancellationToken);
        var judged = results.Where(r => r.Ratio is not null).ToList();
        Console.WriteLine($"  workspace pages vs their raw reads: {judged.Count(r => r.Ratio <= WorkspacePageTimes.Target)} of {judged.Count} pages within {WorkspacePageTimes.Target:0}× at the 95th percentile{(judged.TrueForAll(r => r.Ratio <= WorkspacePageTimes.Target) ? " (target: met)" : " (target: NOT met for " + string.Join(", ", judged.Where(r => r.Ratio > WorkspacePageTimes.Target).Select(r => r.Page)) + ")")}");
        return 0;
    }

    /// <summary>The published history, interventions, flags and effects the pages read (set-up, not measured).</summary>
    private static async Task<(List<string> Ids, SeedTree Tree)> SeedAsync(BenchSession session, int units, int waves, int interventions, int seed, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        SeedTree? tree = null;
        await Stage.RunAsync("seed (set-up, not measured)", "rows", async () =>
        {
            var (world, rows) = await EffectHistorySeed.WriteAsync(session.Storage, session.Get<InterventionStore>(), units, waves, seed, interventions, Ministries, cancellationToken);
            ids.AddRange(world.Waves);
            tree = new SeedTree(Ministries, world.Rows.Select(r => r.Unit).Distinct());
            await DetectAndEstimateAsync(session, ids, cancellationToken);
            return rows.Count;
        });
        return (ids, tree!);
    }

    /// <summary>Each page's name and path, with the raw reads of the rows it shows: a unit with an intervention, a ministry's report of the last waves.</summary>
    private static async Task<(string Name, string Path, Func<Task<long>> Raw)[]> PagesAsync(BenchSession session, List<string> ids, SeedTree tree, CancellationToken cancellationToken)
    {
        var raw = new WorkspaceRawReads(session.Storage, session.Get<AuditLog>());
        var unit = (await session.Get<InterventionStore>().ListAsync(null, cancellationToken)).First(i => i.Intervention.Unit != EffectHistorySeed.Tiny).Intervention.Unit;
        var path = tree.Ancestors(unit);
        var (ministry, from, to) = ("min-01", ids[Math.Max(0, ids.Count - ReportWaves)], ids[^1]);
        var searched = unit.Split('/')[^1];
        Console.WriteLine($"    the unit page shows {unit}; the search looks for '{searched}'; the report is of {ministry} from {from} to {to}");

        return
        [
            ("overview", "/ipim", () => raw.OverviewAsync(cancellationToken)),
            ("heatmap", "/ipim/heatmap", () => raw.HeatmapAsync(HeatmapModel.Window, cancellationToken)),
            ("unit", $"/ipim/unit?id={Uri.EscapeDataString(unit)}", () => raw.UnitAsync(unit, path, cancellationToken)),
            ("search", $"/ipim/search?q={Uri.EscapeDataString(searched)}", () => raw.SearchAsync(cancellationToken)),
            ("interventions", "/ipim/interventions", () => raw.InterventionsAsync(cancellationToken)),
            ("catalogue", "/ipim/catalogue", () => Task.FromResult(0L)),
            ("effects", "/ipim/effects", () => raw.EffectsAsync(cancellationToken)),
            ("report", $"/ipim/report?unit={ministry}&from={from}&to={to}", () => raw.ReportAsync(ministry, from, to, cancellationToken)),
            ("audit", "/ipim/audit", () => raw.AuditAsync(cancellationToken)),
            ("form", "/ipim/interventions/new", () => raw.FormAsync(cancellationToken)),
        ];
    }

    /// <summary>Each page against its raw reads, printed as it is measured; with --profile, each page alone once more.</summary>
    private static async Task<List<WorkspacePageTimes>> MeasurePagesAsync((string Name, string Path, Func<Task<long>> Raw)[] pages, int n, bool profile, Func<string, Task<long>> get)
    {
        var results = new List<WorkspacePageTimes>();
        using var memory = MemorySampler.Start();
        foreach (var (name, pagePath, rawRead) in pages)
        {
            results.Add(await MeasureAsync(name, n, () => get(pagePath), rawRead));
            Console.WriteLine(results[^1].Line());
            if (profile)
            {
                // The page alone, once more n times, so the raw reads' own storage calls are not in its profile.
                Profile.Reset();
                for (var i = 0; i < n; i++)
                {
                    await get(pagePath);
                }

                Profile.Print(n);
            }
        }

        await memory.DisposeAsync();
        Console.WriteLine($"    peak heap {BenchOutput.Mib(memory.PeakHeapBytes):0} MiB, working set {BenchOutput.Mib(memory.PeakWorkingSetBytes):0} MiB over all pages (host, bench and raw reads in one process)");
        return results;
    }

    /// <summary>Flags for every wave by the DetectShifts step, then the effects of the last two waves (the overview compares them).</summary>
    private static async Task DetectAndEstimateAsync(BenchSession session, List<string> ids, CancellationToken cancellationToken)
    {
        var progress = new Demo.Progress("    detection (flag rows) and effects");
        var detect = session.Get<DetectShiftsStep>();
        foreach (var id in ids)
        {
            await detect.HandleAsync(QueueMessages.Serialize(new WaveMessage(id)), cancellationToken);
            progress.Report($"flags of {id}");
        }

        foreach (var id in ids.TakeLast(2))
        {
            await session.Get<EstimateEffectsStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage(id)), cancellationToken);
        }

        progress.Done($"flags of {ids.Count} waves, effects as of {ids[^2]} and {ids[^1]}");
    }

    /// <summary>A warm-up of each, then page, raw, page, raw, …; only the measured pairs are kept.</summary>
    private static async Task<WorkspacePageTimes> MeasureAsync(string name, int n, Func<Task<long>> page, Func<Task<long>> raw)
    {
        var (pageTimes, rawTimes) = (new List<double>(), new List<double>());
        long bytes = 0, rows = 0;
        for (var i = 0; i <= n; i++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await page();
            var pageTime = clock.Elapsed.TotalSeconds;
            clock.Restart();
            rows = await raw();
            var rawTime = clock.Elapsed.TotalSeconds;
            if (i > 0)
            {
                pageTimes.Add(pageTime);
                rawTimes.Add(rawTime);
            }
        }

        return new WorkspacePageTimes(name, pageTimes, rawTimes, bytes, rows);
    }

    /// <summary>The whole page, as a browser receives it; anything but 200 fails the bench.</summary>
    private static async Task<long> GetAsync(HttpClient http, string path, string cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? body.Length : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }
}
