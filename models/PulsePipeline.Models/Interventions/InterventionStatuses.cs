namespace PulsePipeline.Models.Interventions;

/// <summary>
/// Where an intervention stands: planned, running or ended. The ids are stable (CSV files and storage hold them);
/// the names are what the workspace shows. Status is IPIM's bookkeeping: the effect estimator reads only unit, type
/// and start wave, so a status change never changes an effect.
/// </summary>
public static class InterventionStatuses
{
    public const string Planned = "planned";
    public const string Running = "running";
    public const string Ended = "ended";

    public static IReadOnlyList<string> All { get; } = [Planned, Running, Ended];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <summary>The ids, for error messages: "use one of …".</summary>
    public static string IdList => string.Join(", ", All);

    /// <exception cref="KeyNotFoundException">The id is not a status.</exception>
    public static string Name(string id, bool dutch) => id switch
    {
        Planned => dutch ? "Gepland" : "Planned",
        Running => dutch ? "Loopt" : "Running",
        Ended => dutch ? "Beëindigd" : "Ended",
        _ => throw new KeyNotFoundException($"unknown intervention status '{id}'"),
    };
}
