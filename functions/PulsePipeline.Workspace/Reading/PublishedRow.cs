using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// One unit's published row of one wave, as publication wrote it: k-anonymous figures, or none at all when
/// suppressed. The unit id is decoded from its table key; name and parent are the unit as it was in that wave.
/// </summary>
public sealed record PublishedRow(
    string Wave,
    string Unit,
    string Name,
    string Parent,
    bool Published,
    long? N,
    long? Invited,
    double? ResponseRate,
    IReadOnlyDictionary<Construct, ConstructResult> Constructs,
    IReadOnlyDictionary<string, IReadOnlyList<long>> Items)
{
    /// <summary>
    /// Why the row has no figures: <see cref="SuppressionReason.None"/> when published; null when suppressed by a
    /// publication that did not yet store the reason.
    /// </summary>
    public SuppressionReason? Withheld { get; init; } = SuppressionReason.None;

    public ConstructResult Of(Construct construct) => Constructs.TryGetValue(construct, out var result) ? result : new ConstructResult(null, null);

    public bool IsRoot => Parent.Length == 0;
}
