using PulsePipeline.LocalHost;
using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Csv;
using PulsePipeline.Pipeline.Plans;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse plans …` through the same registry and rules as the workspace. A refusal prints every problem, exits 2 and
/// changes nothing.
/// </summary>
internal static class PlansCli
{
    public static async Task<int> AddAsync(PlanRequest request, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        if (request.StartWaves is not null && (request.FirstStartWave is not null || request.Capacity is not null || request.Cohorts is not null))
        {
            refusals.Add("--start-waves gives every cohort's start: leave out --first-start-wave, --capacity and --cohorts");
        }
        else if (request.StartWaves is null && (request.FirstStartWave is null || (request.Capacity is null) == (request.Cohorts is null)))
        {
            refusals.Add("give --first-start-wave and one of --capacity or --cohorts (or every cohort's start with --start-waves)");
        }

        if (CliActor.Problem(by) is { } actorProblem)
        {
            refusals.Add(actorProblem);
        }

        if (refusals.Count > 0)
        {
            return await InterventionsCli.RefuseAsync(errors, "The plan was not registered", refusals);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var result = await host.Get<PlanRegistry>().RegisterAsync(request, Actor(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        if (!result.Saved)
        {
            return await InterventionsCli.RefuseAsync(errors, "The plan was not registered", result.Problems.Select(p => p.ToString()));
        }

        var plan = result.Plan!;
        await output.WriteLineAsync($"Registered plan {plan.Id}: {plan.Type}, {plan.Eligible.Count} units in {plan.Cohorts} cohorts from {plan.StartWaves[0]} (strata {plan.Strata}). Draw it with `pulse plans draw --id {plan.Id}`.");
        return 0;
    }

    public static async Task<int> DrawAsync(string id, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (CliActor.Problem(by) is { } actorProblem)
        {
            return await InterventionsCli.RefuseAsync(errors, "Nothing was drawn", [actorProblem]);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var result = await host.Get<PlanDraws>().DrawAsync(id, Actor(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        if (!result.Saved)
        {
            return await InterventionsCli.RefuseAsync(errors, "Nothing was drawn", result.NotFound ? [NoPlan(id)] : result.Problems.Select(p => p.ToString()));
        }

        await output.WriteLineAsync($"Drew plan {id} with seed {result.Plan!.Drawing!.Seed}; one planned intervention per member is recorded.");
        PlanText.Write(output, result.Plan);
        return 0;
    }

    public static async Task<int> ListAsync(SettingsLayers settings, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var plans = await host.Get<PlanStore>().ListAsync(cancellationToken);
        await host.StopAsync(cancellationToken);
        if (plans.Count == 0)
        {
            await output.WriteLineAsync("No rollout plans are registered yet.");
            return 0;
        }

        PlanText.WriteList(output, plans);
        await output.WriteLineAsync($"{plans.Count} plan(s).");
        return 0;
    }

    public static async Task<int> ShowAsync(string id, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var plan = await host.Get<PlanStore>().GetAsync(id, cancellationToken);
        await host.StopAsync(cancellationToken);
        if (plan is null)
        {
            return await InterventionsCli.RefuseAsync(errors, "Nothing to show", [NoPlan(id)]);
        }

        PlanText.Write(output, plan);
        return 0;
    }

    public static async Task<int> WithdrawAsync(string id, string unit, string reason, string? by, SettingsLayers settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (CliActor.Problem(by) is { } actorProblem)
        {
            return await InterventionsCli.RefuseAsync(errors, "Nothing was changed", [actorProblem]);
        }

        using var host = await PipelineRuntime.StartAsync(settings, cancellationToken);
        var result = await host.Get<PlanDraws>().WithdrawAsync(id, unit, reason, Actor(by), cancellationToken);
        await host.StopAsync(cancellationToken);
        if (!result.Saved)
        {
            return await InterventionsCli.RefuseAsync(errors, "Nothing was changed", result.NotFound ? [NoPlan(id)] : result.Problems.Select(p => p.ToString()));
        }

        await output.WriteLineAsync($"Withdrew {TerminalText.Cell(unit, 200)} from plan {id}; its intervention is ended. It stays in its drawn cohort in the plan's estimate (intention to treat).");
        return 0;
    }

    private static AuditActor Actor(string? by) => CliActor.Actor(by);

    private static string NoPlan(string id) => $"there is no plan {CsvReader.Printable(id)}; `pulse plans list` shows the ids";
}
