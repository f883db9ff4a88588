using PulsePipeline.Models.Audit;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// Who a registry change from the command line is by: `--by NAME`, or the operating-system user, as the audit's actor
/// "cli:NAME", as id and name (so the audit tells command-line changes from the workspace's) and, for imports, the default owner.
/// </summary>
internal static class CliActor
{
    public static string Name(string? by) => string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim();

    public static AuditActor Actor(string? by) => AuditActors.CommandLine(Name(by));

    /// <summary>Why --by cannot be used, or null.</summary>
    public static string? Problem(string? by) =>
        AuditEntry.Problem(Actor(by), AuditActions.InterventionAdded, "check", "") is { } problem ? $"--by {CsvQuote(Name(by))}: {problem}" : null;

    private static string CsvQuote(string name) => Models.Csv.CsvReader.Printable(name);
}
