using System.Collections.Frozen;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Publication;

/// <summary>
/// One unit's publication, rolled up over its descendants. A suppressed unit carries no figures at all — not even
/// its n — so nothing downstream can show what the rules withheld.
/// </summary>
public sealed record PublishedUnit
{
    private static readonly FrozenDictionary<Construct, ConstructFigures> NoConstructs = FrozenDictionary<Construct, ConstructFigures>.Empty;
    private static readonly FrozenDictionary<string, IReadOnlyList<long>> NoItems = FrozenDictionary<string, IReadOnlyList<long>>.Empty;

    private PublishedUnit(string unitId, SuppressionReason suppression)
    {
        UnitId = unitId;
        Suppression = suppression;
        Constructs = NoConstructs;
        ItemDistributions = NoItems;
    }

    public string UnitId { get; }

    public SuppressionReason Suppression { get; }

    public bool Published => Suppression == SuppressionReason.None;

    /// <summary>Respondents in the unit and its descendants; null when suppressed.</summary>
    public long? N { get; private init; }

    /// <summary>Employees invited in the unit and its descendants; null when suppressed or not supplied.</summary>
    public long? Invited { get; private init; }

    /// <summary>N / Invited, only where published and at least k were invited.</summary>
    public double? ResponseRate { get; private init; }

    /// <summary>Mean and sample SD (divisor n − 1) per construct the tallies have; empty when suppressed.</summary>
    public IReadOnlyDictionary<Construct, ConstructFigures> Constructs { get; private init; }

    /// <summary>Item id to the counts of answers 1 to 5; empty when suppressed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<long>> ItemDistributions { get; private init; }

    public static PublishedUnit Suppressed(string unitId, SuppressionReason reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(unitId);
        return reason == SuppressionReason.None
            ? throw new ArgumentException("a suppressed unit needs a reason", nameof(reason))
            : new PublishedUnit(unitId, reason);
    }

    /// <summary>The figures of a unit the rules allow to publish: <paramref name="tally"/> is rolled up and has N ≥ k.</summary>
    internal static PublishedUnit Of(string unitId, UnitTally tally, long? invited, int k) => new(unitId, SuppressionReason.None)
    {
        N = tally.N,
        Invited = invited,
        ResponseRate = invited >= k ? (double)tally.N / invited.Value : null,
        Constructs = tally.Constructs.ToDictionary(p => p.Key, p => p.Value.Figures(tally.N)).AsReadOnly(),
        ItemDistributions = tally.Items,
    };
}
