using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Reading;
using PulsePipeline.Workspace.Reports;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse report --unit U --from W1 --to W2 --out report.html [--lang nl|en]`: the workspace's ministry report as one
/// self-contained HTML file, read from storage like the other commands. Exit 2 when the unit is not a ministry (a
/// unit directly under the root) or the waves are not two published waves in order; nothing is written then.
/// </summary>
internal static class ReportCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "The ministry: a unit directly under the root, as HR has its id.", Required = true };
        var from = new Option<string>("--from") { Description = "The first published wave of the period.", Required = true };
        var to = new Option<string>("--to") { Description = "The last published wave of the period.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the report (HTML, style inline, no script, loads nothing).", Required = true };
        var lang = new Option<string>("--lang") { Description = "nl (default) or en.", DefaultValueFactory = _ => "nl" };
        var command = new Command("report", "Write the ministry report of the IPIM workspace as one self-contained, printable HTML file.") { unit, from, to, output, lang };
        command.SetAction((r, ct) => CommandErrors.GuardAsync(() => RunAsync(r.GetValue(unit)!, r.GetValue(from)!, r.GetValue(to)!, r.GetValue(output)!.FullName, r.GetValue(lang)!, SettingsLayers.FromSettingsFile(), Console.Out, Console.Error, ct)));
        return command;
    }

    public static async Task<int> RunAsync(string unit, string from, string to, string outPath, string lang, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!Languages.TryParse(lang, out var language))
        {
            await errors.WriteLineAsync("--lang must be nl or en.");
            return BadInput;
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken, services => services
            .AddSingleton<PublishedReadModel>()
            .AddSingleton<RegistryReadModel>()
            .AddSingleton<PulsePipeline.Workspace.Pages.FindingsReader>()
            .AddSingleton<ReportBuilder>());
        var (choice, report) = await host.Get<ReportBuilder>().BuildAsync(unit, from, to, cancellationToken);
        await host.StopAsync(cancellationToken);
        if (report is null)
        {
            await errors.WriteLineAsync($"No report: --unit must be a ministry (one of: {string.Join(", ", choice.Ministries.Select(m => TerminalText.Cell(m.Unit, 80)))}) and --from and --to published waves, the first not after the last (published: {string.Join(", ", choice.Waves)}).");
            return BadInput;
        }

        var html = await ReportFile.RenderAsync(choice, report, language.Value);
        AtomicFile.WriteText(outPath, writer => writer.Write(html));
        await output.WriteLineAsync($"Wrote the report of {TerminalText.Cell(report.Name, 200)} for waves {report.From} to {report.To} to {outPath}.");
        return 0;
    }
}
