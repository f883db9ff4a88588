using System.Text.Json;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Alerts;

/// <summary>
/// Gathers what the digest shows about each raised unit from published figures only: its path in the wave's unit
/// tree, its last four published waves (with why a wave has no figures), the detector's reasons as data, and item
/// shifts (p5, p6, s4) for the suggested interventions and the rollout plans it is in; the effects of earlier
/// interventions that are news; and the rollout plans whose window closed.
/// </summary>
public sealed class DigestBuilder(WaveStore waves, PublishedHistory history, DigestEffects effects, DigestPlans plans, IOptions<PulseOptions> options)
{
    private const int TrendWaves = 4;

    public async Task<Digest> BuildAsync(string waveId, IReadOnlyList<string> waveIds, IReadOnlyDictionary<string, FlagEntity> flags, IReadOnlyList<RaisedFlag> raised, IReadOnlyList<RaisedFlag> still, CancellationToken cancellationToken)
    {
        var units = (await waves.UnitsAsync(waveId, cancellationToken)).ToDictionary(u => u.RowKey, StringComparer.Ordinal);
        var trendWaves = waveIds.TakeLast(TrendWaves).ToList();
        var recent = new List<Dictionary<string, PublishedEntity>>();
        foreach (var id in trendWaves)
        {
            recent.Add((await history.RowsAsync(id, cancellationToken)).ToDictionary(p => p.RowKey, StringComparer.Ordinal));
        }

        var (closedPlans, mentions) = await plans.ChooseAsync(waveId, waveIds, cancellationToken);
        var trees = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var digestUnits = new List<DigestUnit>();
        foreach (var (f, since, explains) in raised)
        {
            var flag = ToFlag(f);
            var rows = recent.Select(r => r.GetValueOrDefault(f.RowKey)).ToList();
            var trend = new List<TrendPoint>();
            for (var i = 0; i < trendWaves.Count; i++)
            {
                trend.Add(await PointAsync(trendWaves[i], rows[i], f.RowKey, trees, cancellationToken));
            }

            digestUnits.Add(new DigestUnit(f.Unit, PathOf(f.RowKey, units), flag, trend, SuggestedInterventions.For(flag, Shifts(rows)))
            {
                Since = since,
                Plans = mentions.GetValueOrDefault(f.Unit, []),
                Explains = [.. explains.Select(key => PathOf(key, units))],
            });
        }

        var organisation = flags.GetValueOrDefault(FlagEntity.OrganisationRow);
        var change = organisation is { Status: not OrganisationStatuses.None }
            ? new OrganisationChange(waveId, organisation.N ?? 0, organisation.PressureChange, organisation.PressureUncertainty, organisation.SpeakUpChange, organisation.SpeakUpUncertainty, true) { Adverse = organisation.Flagged, Description = organisation.Reasons }
            : null;
        var (listed, pooled, unchanged) = await effects.ChooseAsync(waveId, waveIds, key => PathOf(key, units), cancellationToken);
        var continuing = still.Select(s => new DigestContinuing(s.Flag.Unit, PathOf(s.Flag.RowKey, units), s.Since) { Explains = [.. s.Explains.Select(key => PathOf(key, units))] });
        return new Digest(waveId, change, [.. digestUnits.OrderByDescending(u => u.Flag.Score)], [.. continuing], options.Value.K)
        {
            Effects = listed,
            Pooled = pooled,
            EffectsUnchanged = unchanged,
            Plans = closedPlans,
        };
    }

    /// <summary>
    /// The unit's published figures in a wave of its trend, or why it has none: suppressed (published without figures),
    /// not yet in the organisation's tree that wave, or in the tree but not in the publication.
    /// </summary>
    private async Task<TrendPoint> PointAsync(string wave, PublishedEntity? row, string unit, Dictionary<string, HashSet<string>> trees, CancellationToken cancellationToken)
    {
        if (row is { Published: true })
        {
            return new TrendPoint(wave, row.N, row.PressureMean, row.PressureSd, row.SpeakUpMean, row.SpeakUpSd);
        }

        if (row is not null)
        {
            return TrendPoint.Missing(wave, TrendGap.Suppressed);
        }

        if (!trees.TryGetValue(wave, out var tree))
        {
            trees[wave] = tree = (await waves.UnitsAsync(wave, cancellationToken)).Select(u => u.RowKey).ToHashSet(StringComparer.Ordinal);
        }

        return TrendPoint.Missing(wave, tree.Contains(unit) ? TrendGap.NotPublished : TrendGap.NotInOrganisation);
    }

    private static UnitFlag ToFlag(FlagEntity f) => new(
        f.PartitionKey,
        f.Unit,
        Enum.Parse<UnitFlagStatus>(f.Status),
        f.N,
        f.Flagged,
        f.Score,
        f.PressureChange,
        f.PressureUncertainty,
        f.SpeakUpChange,
        f.SpeakUpUncertainty,
        ReasonJson.Read(f.ReasonData));

    /// <summary>The names from the root down to the unit; its id as HR wrote it when the snapshot lacks it.</summary>
    /// <param name="key">The unit's key: the snapshot, the flags and the published rows are all keyed by it.</param>
    private static List<string> PathOf(string key, Dictionary<string, WaveUnitEntity> units)
    {
        var path = new List<string>();
        for (var at = units.GetValueOrDefault(key); at is not null; at = at.Parent.Length == 0 ? null : units.GetValueOrDefault(TableKeys.Encode(at.Parent)))
        {
            path.Insert(0, at.Name);
        }

        return path.Count > 0 ? path : [TableKeys.Decode(key)];
    }

    /// <summary>Item mean now minus its mean over the unit's earlier published waves in the window.</summary>
    private static ItemShift Shifts(List<PublishedEntity?> rows)
    {
        var now = rows[^1];
        var before = rows.Take(rows.Count - 1).Where(r => r is { Published: true }).ToList();
        if (now is not { Published: true })
        {
            return ItemShift.None;
        }

        double? Mean(PublishedEntity row, string item)
        {
            var items = JsonSerializer.Deserialize<Dictionary<string, long[]>>(row.Items);
            if (items is null || !items.TryGetValue(item, out var counts) || counts.Sum() == 0)
            {
                return null;
            }

            return counts.Select((c, i) => c * (i + 1.0)).Sum() / counts.Sum();
        }

        double? Change(string item)
        {
            var earlier = before.Select(r => Mean(r!, item)).Where(m => m is not null).ToList();
            return Mean(now, item) is { } current && earlier.Count > 0 ? current - earlier.Average() : null;
        }

        return new ItemShift(Change("p5"), Change("p6"), Change("s4"), Mean(now, "s4"));
    }
}
