using System.CommandLine;
using PulsePipeline.Lab.Demo;
using PulsePipeline.LocalHost;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse demo`: the main job, a simulated organisation through the whole local pipeline.</summary>
internal static class DemoCommand
{
    public const int DefaultEmployees = 2000;
    public const int DefaultUnits = 120;
    public const int DefaultWaves = DemoPlan.MinWavesForEffects + 1;
    public const int DefaultSeed = 2027;

    public static Command Create()
    {
        var employees = new Option<int>("--employees") { Description = "Employees in the simulated organisation.", DefaultValueFactory = _ => DefaultEmployees };
        var units = new Option<int>("--units") { Description = "Units in its four-level tree.", DefaultValueFactory = _ => DefaultUnits };
        var waves = new Option<int>("--waves") { Description = $"Waves to run; from {DemoPlan.MinWavesForShifts} on, a few shifts are planted and the detector's findings are shown; from {DemoPlan.MinWavesForEffects} on, the flagged ones get interventions with planted effects and the effects found are shown.", DefaultValueFactory = _ => DefaultWaves };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation; the same seed gives the same organisation.", DefaultValueFactory = _ => DefaultSeed };
        var exit = new Option<bool>("--exit") { Description = "Stop at the end instead of leaving a wave open and the local host running until Ctrl+C (for scripts and tests)." };
        var command = new Command("demo", "Simulate an organisation and run it through the local pipeline: waves of invitations, answers over HTTP, publication, detection and the IPIM digest; then leave one wave open and the host running.") { employees, units, waves, seed, exit };
        command.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            var (e, u) = (result.GetValue(employees), result.GetValue(units));
            if (u < 7 || e < u * 3 || result.GetValue(waves) is < 1 or > 98)
            {
                await Console.Error.WriteLineAsync("--units must be at least 7, --employees at least 3 per unit, --waves 1–98.");
                return CommandErrors.UserError;
            }

            LocalListener.EnsurePortFree(LocalPipelineHost.LocalUrl());
            var run = new DemoRun(e, u, result.GetValue(waves), result.GetValue(seed), Path.Combine(PulseHome.Directory, ".pulse", "demo"), LocalPipelineHost.LocalUrl(), result.GetValue(exit), RosterImport.RunAsync);
            return await run.RunAsync(ct);
        }));
        return command;
    }
}
