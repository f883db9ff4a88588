namespace PulsePipeline.Models.Audit;

/// <summary>
/// Who an audit row names: the signed-in user's name for the workspace, "cli:" and a name for a change from the
/// command line (the `pulse` commands and the demo it runs), so the audit tells the two apart.
/// </summary>
public static class AuditActors
{
    public const string CommandLinePrefix = "cli:";

    public static string CommandLine(string name) => CommandLinePrefix + name;
}
