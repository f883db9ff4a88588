namespace PulsePipeline.Cli.Commands;

/// <summary>The checkout the commands work in: PULSE_HOME, which ./pulse sets to its own directory, else the current directory.</summary>
internal static class PulseHome
{
    public static string Directory => Environment.GetEnvironmentVariable("PULSE_HOME") is { Length: > 0 } home ? home : Environment.CurrentDirectory;
}
