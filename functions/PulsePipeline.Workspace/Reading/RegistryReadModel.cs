using PulsePipeline.Models.Audit;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Pipeline.Audit;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// The rest of what the workspace reads (privacy rule 6): IPIM's interventions, the stored effects and the audit, each
/// through its own store. Nothing here reaches tallies, tokens, the roster or deliveries.
/// </summary>
public sealed class RegistryReadModel(InterventionStore interventions, EffectStore effects, AuditLog audit)
{
    public Task<IReadOnlyList<StoredIntervention>> InterventionsAsync(InterventionFilter filter, CancellationToken cancellationToken) =>
        interventions.ListAsync(filter, cancellationToken);

    public Task<StoredIntervention?> InterventionAsync(string id, CancellationToken cancellationToken) =>
        interventions.GetAsync(id, cancellationToken);

    /// <summary>Every effect row as of <paramref name="asOf"/> (a published wave), unit and pooled, each unit row with its size band's power.</summary>
    public async Task<IReadOnlyList<EffectRow>> EffectsAsync(string asOf, CancellationToken cancellationToken) =>
        WithBandPower([.. (await effects.ReadAsync(asOf, cancellationToken)).Select(ToRow)]);

    /// <summary>The wave's size-band powers, computed over its unit rows, set on each unit row of a band that has one.</summary>
    private static IReadOnlyList<EffectRow> WithBandPower(IReadOnlyList<EffectRow> rows)
    {
        var units = rows.Where(r => !r.IsPooled).ToList();
        var powers = SizeBandPower.Of(units.Select(r => new SizeBandPower.Input(r.Construct, r.MedianRespondents, r.Count, SizeBandPower.Chance(r.Construct, r.Estimate, r.CiLow, r.CiHigh, r.StandardError))))
            .ToDictionary(p => (p.Band, p.Construct));
        return [.. rows.Select(r => r.IsPooled || r.MedianRespondents <= 0 ? r : r with { BandPower = powers.GetValueOrDefault((SizeBand.Of(r.MedianRespondents), r.Construct)) })];
    }

    public Task<AuditListing> AuditAsync(DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken) =>
        audit.ListAsync(from, to, limit, cancellationToken);

    /// <summary>Today as the audit counts days (the Netherlands).</summary>
    public DateOnly Today => audit.Today;

    private static EffectRow ToRow(EffectEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.IsPooled,
        e.Unit,
        e.InterventionId,
        e.Type,
        e.StartWave,
        e.Construct == "speakup" ? Construct.SpeakUp : Construct.Pressure,
        e.PostWaves,
        e.Estimate,
        e.CiLow,
        e.CiHigh,
        e.Verdict,
        e.Reason,
        e.Inconclusive)
    {
        Missing = EffectRows.MissingOf(e),
        StandardError = e.StandardError,
        MedianRespondents = e.MedianRespondents,
    };
}
