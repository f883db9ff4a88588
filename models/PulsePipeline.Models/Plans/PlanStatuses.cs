namespace PulsePipeline.Models.Plans;

/// <summary>Where a rollout plan stands: registered (eligible units and cohorts fixed, not drawn) or drawn (immutable).</summary>
public static class PlanStatuses
{
    public const string Registered = "registered";
    public const string Drawn = "drawn";

    public static IReadOnlyList<string> All { get; } = [Registered, Drawn];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <exception cref="KeyNotFoundException">The id is not a status.</exception>
    public static string Name(string id, bool dutch) => id switch
    {
        Registered => dutch ? "Geregistreerd, nog niet geloot" : "Registered, not yet drawn",
        Drawn => dutch ? "Geloot" : "Drawn",
        _ => throw new KeyNotFoundException($"unknown plan status '{id}'"),
    };
}
