using System.CommandLine;
using PulsePipeline.Lab.Bench;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse bench`: the pipeline's throughput and memory against the raw cost of its storage and SMTP operations,
/// measured in the same run. Each scenario prints its figures and targets; it exits non-zero only when
/// something failed, never for a missed target. See docs/PERFORMANCE.md.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated organisation.", DefaultValueFactory = _ => 2027 };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds of raw and pipeline, alternated, after a warm-up round of each; targets are judged on the median.", DefaultValueFactory = _ => Alternation.DefaultRounds };
        var invitationsN = new Option<int>("--n") { Description = "Invitations to send in each round.", DefaultValueFactory = _ => 1000 };
        var invitations = new Command("invitations", "Invitations through the open-wave and send steps into smtp4dev, against raw MailKit sends of the same messages.") { invitationsN, rounds, seed };
        invitations.SetAction((r, ct) => GuardAsync(r.GetValue(invitationsN) < 21 || r.GetValue(rounds) is < 1 or > 50, "--n must be at least 21 and --rounds 1–50.", () => InvitationsBench.RunAsync(r.GetValue(invitationsN), r.GetValue(rounds), r.GetValue(seed), ct), listens: true));

        var responsesN = new Option<int>("--n") { Description = "Responses to submit in each round.", DefaultValueFactory = _ => 1000 };
        var profile = new Option<bool>("--profile") { Description = "Print after each half where its time went: storage operations, survey requests and HTTP calls, per item." };
        var responses = new Command("responses", "Responses through the HTTP form, the responses queue and the tally step, against raw queue and table operations.") { responsesN, rounds, profile, seed };
        responses.SetAction((r, ct) => GuardAsync(r.GetValue(responsesN) < 21 || r.GetValue(rounds) is < 1 or > 50, "--n must be at least 21 and --rounds 1–50.", () => ResponsesBench.RunAsync(r.GetValue(responsesN), r.GetValue(rounds), r.GetValue(profile), r.GetValue(seed), ct), listens: true));

        var pdUnits = new Option<int>("--units") { Description = "Units of the organisation.", DefaultValueFactory = _ => 1500 };
        var pdWaves = new Option<int>("--waves") { Description = "Waves of history.", DefaultValueFactory = _ => 24 };
        var publishDetect = new Command("publish-detect", "Publication and detection over a long history, against reading the same rows from storage.") { pdUnits, pdWaves, rounds, seed };
        publishDetect.SetAction((r, ct) => GuardAsync(r.GetValue(pdUnits) < 7 || r.GetValue(pdWaves) is < 3 or > 99 || r.GetValue(rounds) is < 1 or > 50, "--units must be at least 7, --waves 3–99 and --rounds 1–50.", () => PublishDetectBench.RunAsync(r.GetValue(pdUnits), r.GetValue(pdWaves), r.GetValue(rounds), r.GetValue(seed), ct)));

        var waveEmployees = new Option<int>("--employees") { Description = "Employees invited.", DefaultValueFactory = _ => 121_000 };
        var waveUnits = new Option<int>("--units") { Description = "Units of the organisation.", DefaultValueFactory = _ => 1500 };
        var wave = new Command("wave", "A whole wave at full scale: invite, answer, close, publish, detect, alert; wall time and peak memory per stage.") { waveEmployees, waveUnits, seed };
        wave.SetAction((r, ct) => GuardAsync(
            r.GetValue(waveUnits) < 7 || r.GetValue(waveEmployees) < r.GetValue(waveUnits) * 3,
            "--units must be at least 7 and --employees at least 3 per unit.",
            () => WaveBench.RunAsync(r.GetValue(waveEmployees), r.GetValue(waveUnits), r.GetValue(seed), ct),
            listens: true));

        var effectsUnits = new Option<int>("--units") { Description = "Units of the published history.", DefaultValueFactory = _ => 2000 };
        var effectsWaves = new Option<int>("--waves") { Description = "Published waves of history.", DefaultValueFactory = _ => 24 };
        var effectsInterventions = new Option<int>("--interventions") { Description = "Interventions in the registry.", DefaultValueFactory = _ => 400 };
        var effectsPlans = new Option<int>("--plans") { Description = $"Drawn rollout plans, {EffectsBench.PlanCohorts} cohorts each, the last starting in the second-to-last wave, their members' planned interventions beside the others.", DefaultValueFactory = _ => 20 };
        var effectsPlanMembers = new Option<int>("--plan-members") { Description = "Members of each plan, units without another intervention.", DefaultValueFactory = _ => 30 };
        var effects = new Command("effects", "The effect estimator, the plan estimator and the EstimateEffects step over a long published history, against reading the same rows from storage.") { effectsUnits, effectsWaves, effectsInterventions, effectsPlans, effectsPlanMembers, rounds, seed };
        effects.SetAction((r, ct) => GuardAsync(
            r.GetValue(effectsUnits) < 100 || r.GetValue(effectsWaves) is < 8 or > 99 || r.GetValue(effectsInterventions) < 1 || r.GetValue(rounds) is < 1 or > 50
                || r.GetValue(effectsPlans) < 0 || r.GetValue(effectsPlanMembers) < PlanRules.MinUnits || r.GetValue(effectsPlans) * r.GetValue(effectsPlanMembers) > r.GetValue(effectsUnits) - r.GetValue(effectsInterventions),
            $"--units must be at least 100, --waves 8–99, --interventions at least 1, --rounds 1–50, --plans at least 0 and --plan-members at least {PlanRules.MinUnits}, with --plans × --plan-members no more than --units less --interventions.",
            () => EffectsBench.RunAsync(r.GetValue(effectsUnits), r.GetValue(effectsWaves), r.GetValue(effectsInterventions), r.GetValue(effectsPlans), r.GetValue(effectsPlanMembers), r.GetValue(rounds), r.GetValue(seed), ct)));

        var workspaceUnits = new Option<int>("--units") { Description = "Units of the published history (under 12 ministries).", DefaultValueFactory = _ => 1500 };
        var workspaceWaves = new Option<int>("--waves") { Description = "Published waves of history.", DefaultValueFactory = _ => 24 };
        var workspaceInterventions = new Option<int>("--interventions") { Description = "Interventions in the registry.", DefaultValueFactory = _ => 300 };
        var workspaceN = new Option<int>("--n") { Description = "Requests of each page (each alternated with its raw reads) after a warm-up.", DefaultValueFactory = _ => 20 };
        var workspace = new Command("workspace", "Every IPIM workspace page over HTTP from the local host, against reading the same rows from storage: median, 95th percentile and size.") { workspaceUnits, workspaceWaves, workspaceInterventions, workspaceN, profile, seed };
        workspace.SetAction((r, ct) => GuardAsync(
            r.GetValue(workspaceUnits) < 100 || r.GetValue(workspaceWaves) is < 8 or > 99 || r.GetValue(workspaceInterventions) < 2 || r.GetValue(workspaceN) is < 1 or > 1000,
            "--units must be at least 100, --waves 8–99, --interventions at least 2 and --n 1–1000.",
            () => WorkspaceBench.RunAsync(r.GetValue(workspaceUnits), r.GetValue(workspaceWaves), r.GetValue(workspaceInterventions), r.GetValue(workspaceN), r.GetValue(profile), r.GetValue(seed), ct),
            listens: true));

        return new Command("bench", "Benchmarks: the pipeline against the raw cost of its storage and SMTP operations (see docs/PERFORMANCE.md).")
        {
            invitations, responses, publishDetect, wave, effects, workspace,
        };
    }

    /// <param name="listens">The bench runs the local host: its port is checked before any work (PortInUseException).</param>
    private static Task<int> GuardAsync(bool invalid, string usage, Func<Task<int>> run, bool listens = false) =>
        invalid ? UsageAsync(usage) : CommandErrors.GuardAsync(() =>
        {
            if (listens)
            {
                LocalListener.EnsurePortFree(LocalPipelineHost.LocalUrl());
            }

            return run();
        });

    private static async Task<int> UsageAsync(string usage)
    {
        await Console.Error.WriteLineAsync(usage);
        return CommandErrors.UserError;
    }
}
