using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// A unit's interventions and their effects as of the latest published wave (for the unit page), or for the overview
/// the running interventions and the effects that became conclusive since the previous published wave.
/// </summary>
public sealed record RegistrySection(string? AsOf, IReadOnlyList<StoredIntervention> Interventions, IReadOnlyList<EffectRow> Effects)
{
    public static RegistrySection Empty { get; } = new(null, [], []);

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
}
