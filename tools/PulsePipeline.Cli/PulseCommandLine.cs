using System.CommandLine;
using PulsePipeline.Cli.Commands;

namespace PulsePipeline.Cli;

/// <summary>The `pulse` command tree. Each command lives in its own file under Commands/.</summary>
internal static class PulseCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("PulsePipeline: integrity pulse surveys, k-anonymous publication, shift detection and intervention effects.");
        foreach (var command in Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands()
    {
        yield return VersionCommand.Create();
        yield return RosterCommand.Create();
        yield return WaveCommand.Create();
        yield return InterventionsCommand.Create();
        yield return PlansCommand.Create();
        yield return HostCommand.Create();
        yield return DemoCommand.Create();
        yield return PublishCommand.Create();
        yield return DetectCommand.Create();
        yield return EvaluateCommand.Create();
        yield return EffectsCommand.Create();
        yield return ReportCommand.Create();
        yield return EvaluateEffectsCommand.Create();
        yield return EvaluatePlansCommand.Create();
        yield return TrainModelCommand.Create();
        yield return BenchCommand.Create();
        yield return PoisonCommand.Create();
    }
}
