using PulsePipeline.LocalHost;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse interventions add|list|end`: the registry from the command line, through the same store and rules as the
/// workspace. A problem is printed with its field, the exit code is 2 and nothing is written.
/// </summary>
internal static class InterventionsCli
{
    public static async Task<int> AddAsync(InterventionRecord candidate, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // What only the command line refuses; the store checks the rest, so one run names every problem.
        var refusals = new List<string>();
        if (candidate.Status == InterventionStatuses.Ended)
        {
            refusals.Add("status: a new intervention is planned or running; end it later with `pulse interventions end`");
        }

        if (CliActor.Problem(by) is { } actorProblem)
        {
            refusals.Add(actorProblem);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        if (refusals.Count > 0)
        {
            var problems = InterventionRules.Check(candidate).ToList();
            if (!problems.Exists(p => p.Field == InterventionFields.Unit) && !await host.Get<KnownUnits>().ContainsAsync(candidate.Unit, cancellationToken))
            {
                problems.Add(InterventionRules.UnknownUnit(candidate.Unit));
            }

            await host.StopAsync(cancellationToken);
            return await RefuseAsync(errors, "The intervention was not recorded", problems.Select(p => p.ToString()).Concat(refusals));
        }

        var result = await host.Get<InterventionStore>().AddAsync(candidate, CliActor.Actor(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        if (result.Outcome != InterventionWriteOutcome.Saved)
        {
            return await RefuseAsync(errors, "The intervention was not recorded", result.Problems.Select(p => p.ToString()));
        }

        var i = result.Intervention!.Intervention;
        await output.WriteLineAsync($"Recorded intervention {i.Id}: {i.Type} in unit {TerminalText.Cell(i.Unit, 200)} from wave {i.StartWave}, {i.Status}, owner {TerminalText.Cell(i.Owner, 200)}.");
        return 0;
    }

    public static async Task<int> ListAsync(InterventionFilter filter, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (filter.Status is { } status && !InterventionStatuses.IsKnown(status))
        {
            problems.Add($"--status {Models.Csv.CsvReader.Printable(status)} is not a status: use one of {InterventionStatuses.IdList}");
        }

        if (filter.Type is { } type && !InterventionTypes.IsKnown(type))
        {
            problems.Add($"--type {Models.Csv.CsvReader.Printable(type)} is not an intervention type: use one of {InterventionTypes.IdList}");
        }

        if (problems.Count > 0)
        {
            return await RefuseAsync(errors, "Nothing was listed", problems);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var list = await host.Get<InterventionStore>().ListAsync(filter, cancellationToken);
        await host.StopAsync(cancellationToken);
        if (list.Count == 0)
        {
            await output.WriteLineAsync(filter == InterventionFilter.All ? "No interventions are recorded yet." : "No intervention matches.");
            return 0;
        }

        InterventionTable.Write(output, [.. list.Select(s => s.Intervention)]);
        await output.WriteLineAsync($"{list.Count} intervention(s).");
        return 0;
    }

    public static async Task<int> EndAsync(string id, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (CliActor.Problem(by) is { } actorProblem)
        {
            return await RefuseAsync(errors, "Nothing was changed", [actorProblem]);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var result = await host.Get<InterventionStore>().EndAsync(id, CliActor.Actor(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        switch (result.Outcome)
        {
            case InterventionWriteOutcome.Saved:
                await output.WriteLineAsync($"Intervention {id} ended.");
                return 0;
            case InterventionWriteOutcome.Unchanged:
                await output.WriteLineAsync($"Intervention {id} had ended already; nothing changed.");
                return 0;
            case InterventionWriteOutcome.NotFound:
                return await RefuseAsync(errors, "Nothing was changed", [$"there is no intervention {Models.Csv.CsvReader.Printable(id)}; `pulse interventions list` shows the ids"]);
            case InterventionWriteOutcome.Conflict:
                return await RefuseAsync(errors, "Nothing was changed", [$"intervention {id} kept changing while it was being ended; try again"]);
            default:
                return await RefuseAsync(errors, "Nothing was changed", result.Problems.Select(p => p.ToString()));
        }
    }

    internal static async Task<int> RefuseAsync(TextWriter errors, string what, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        await errors.WriteLineAsync($"{what}; {list.Count} problem(s):");
        foreach (var problem in list)
        {
            await errors.WriteLineAsync($"  {problem}");
        }

        return CommandErrors.UserError;
    }
}
