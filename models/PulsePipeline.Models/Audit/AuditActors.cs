namespace PulsePipeline.Models.Audit;

/// <summary>
/// Actors of the command line: "cli:" and a name (the `pulse` commands and the demo it runs), as id and as name, so
/// the audit tells them from the workspace's. The prefix is reserved: no sign-in may produce an id or a name that
/// starts with it, in any case.
/// </summary>
public static class AuditActors
{
    public const string CommandLinePrefix = "cli:";

    public static AuditActor CommandLine(string name) => new(CommandLinePrefix + name, CommandLinePrefix + name);

    /// <summary>True for an id or name only the command line may use.</summary>
    public static bool IsReserved(string? value) =>
        value is not null && value.TrimStart().StartsWith(CommandLinePrefix, StringComparison.OrdinalIgnoreCase);
}
