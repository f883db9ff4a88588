using System.CommandLine;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Cli.Commands;

/// <summary>`pulse version`: the instrument version new waves use.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the instrument version that new waves use.");
        command.SetAction(_ => Console.WriteLine(Instruments.Current.Version));
        return command;
    }
}
