using Azure.Data.Tables;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// What a plan's registration reads from the pipeline's published state: the latest published wave, which units are
/// treated already (a planned or running intervention), the default eligible units (flagged in the latest published
/// wave and not treated) and each unit's stratum label from what that wave published (<see cref="PlanStrata"/>).
/// </summary>
public sealed class PlanEligibility(PulseStorage storage, WaveStore waves, PublishedHistory history, InterventionStore interventions)
{
    public async Task<string?> LatestPublishedAsync(CancellationToken cancellationToken) =>
        (await waves.AllAsync(cancellationToken)).Where(w => w.State == WaveStates.Published).Select(w => w.RowKey).Order(StringComparer.Ordinal).LastOrDefault();

    /// <summary>Per treated unit, one of its planned or running interventions.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TreatedAsync(CancellationToken cancellationToken) =>
        (await interventions.ListAsync(null, cancellationToken))
            .Where(s => s.Intervention.Status is InterventionStatuses.Planned or InterventionStatuses.Running)
            .GroupBy(s => s.Intervention.Unit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Intervention.Id, StringComparer.Ordinal);

    /// <summary>The units the detector flagged in the latest published wave that are not treated, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> DefaultUnitsAsync(CancellationToken cancellationToken)
    {
        if (await LatestPublishedAsync(cancellationToken) is not { } latest)
        {
            return [];
        }

        var treated = await TreatedAsync(cancellationToken);
        var flagged = await storage.Flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {latest} and Flagged eq {true}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return [.. flagged.Where(f => f.RowKey != FlagEntity.OrganisationRow).Select(f => TableKeys.Decode(f.RowKey))
            .Where(u => !treated.ContainsKey(u)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Each unit with its stratum label, as the latest published wave shows it (none: every label empty).</summary>
    public async Task<IReadOnlyList<PlanCandidate>> CandidatesAsync(IReadOnlyList<string> units, string strata, CancellationToken cancellationToken)
    {
        if (strata == PlanStrata.None)
        {
            return [.. units.Select(u => new PlanCandidate(u, ""))];
        }

        var latest = await LatestPublishedAsync(cancellationToken);
        if (strata == PlanStrata.SizeBand)
        {
            var published = latest is null ? [] : (await history.RowsAsync(latest, cancellationToken)).Where(r => r.Published).ToDictionary(r => r.Unit, r => (int?)r.N, StringComparer.Ordinal);
            return [.. units.Select(u => new PlanCandidate(u, PlanStrata.SizeBandOf(published.GetValueOrDefault(u))))];
        }

        var links = latest is null ? [] : (await waves.UnitsAsync(latest, cancellationToken)).Select(u => new UnitLink(u.Unit, u.Parent)).ToList();
        var tree = links.Count == 0 ? null : UnitTree.TryBuild(links, $"wave {latest} units", new List<CsvProblem>());
        return [.. units.Select(u => new PlanCandidate(u, PlanStrata.MinistryOf(tree, u)))];
    }
}
