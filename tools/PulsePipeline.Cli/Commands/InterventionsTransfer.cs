using PulsePipeline.LocalHost;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse interventions import --file F` and `export --file F`: interventions.csv in and out (InterventionImport
/// says what an import means). An import with any problem prints each with its line, exits 2 and writes nothing;
/// an export is written whole or not at all.
/// </summary>
internal static class InterventionsTransfer
{
    public static async Task<int> ImportAsync(string path, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (CliActor.Problem(by) is { } actorProblem)
        {
            return await InterventionsCli.RefuseAsync(errors, "The interventions were not imported", [actorProblem]);
        }

        var document = CsvFile.Open(path, InterventionsCsv.Read);
        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var result = await host.Get<InterventionImporter>().ImportAsync(document, CliActor.Actor(by), CliActor.Name(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        var plan = result.Plan;
        if (!plan.IsValid)
        {
            await InterventionsCli.RefuseAsync(errors, "The interventions were not imported", plan.Problems.Select(p => p.ToString()));
            await errors.WriteLineAsync("Nothing was written.");
            return CommandErrors.UserError;
        }

        if (result.Failure is { } failure)
        {
            await errors.WriteLineAsync($"The import stopped part-way: {failure}");
            return 1;
        }

        await output.WriteLineAsync($"Imported {document.Source}: {plan.Added.Count} added, {plan.Updated.Count} updated, {plan.Unchanged} unchanged. Interventions the file does not mention are kept.");
        return 0;
    }

    public static async Task<int> ExportAsync(string path, SettingsLayers settings, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var list = await host.Get<InterventionStore>().ListAsync(InterventionFilter.All, cancellationToken);
        await host.StopAsync(cancellationToken);
        AtomicFile.WriteText(path, writer => InterventionsCsv.Write(writer, list.Select(s => s.Intervention)));
        await output.WriteLineAsync($"Exported {list.Count} intervention(s) to {path}.");
        return 0;
    }
}
