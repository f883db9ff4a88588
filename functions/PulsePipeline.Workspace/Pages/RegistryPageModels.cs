using System.Globalization;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Waves;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// Builds the models of the registry pages and sections. Effects are shown as stored at the latest published wave
/// (never of a wave before its publication: effects are written per published wave, and only published waves are
/// listed); interventions are a list, never a total of survey figures.
/// </summary>
public sealed class RegistryPageModels(PublishedReadModel read, RegistryReadModel registry, Pipeline.Plans.PlanEffectStore plans, IOptions<PulseOptions> options, TimeProvider clock)
{
    private const int MaxDepth = 64;

    public async Task<InterventionsModel> InterventionsAsync(string? type, string? status, string? ministry, CancellationToken cancellationToken)
    {
        type = InterventionTypes.IsKnown(type) ? type : null;
        status = InterventionStatuses.IsKnown(status) ? status : null;
        var listTask = registry.InterventionsAsync(new InterventionFilter(Status: status, Type: type), cancellationToken);
        var tree = await TreeAsync(cancellationToken);
        var ministries = tree.Values.Where(r => r.Parent.Length > 0 && tree.TryGetValue(r.Parent, out var p) && p.IsRoot)
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => (r.Unit, r.Name)).ToList();
        ministry = ministries.Exists(m => m.Unit == ministry) ? ministry : null;
        var listed = (await listTask).Select(s => List(s, tree)).Where(l => ministry is null || l.Ministry == ministry).ToList();
        return new InterventionsModel(listed, type, status, ministry, ministries);
    }

    public async Task<ListedIntervention?> InterventionAsync(string id, CancellationToken cancellationToken) =>
        await registry.InterventionAsync(id, cancellationToken) is { } stored ? List(stored, await TreeAsync(cancellationToken)) : null;

    /// <summary>The unit's interventions and their effects as of the latest published wave.</summary>
    public async Task<RegistrySection> UnitAsync(string unit, CancellationToken cancellationToken)
    {
        var interventionsTask = registry.InterventionsAsync(new InterventionFilter(Unit: unit), cancellationToken);
        var waves = await read.WavesAsync(cancellationToken);
        var effects = waves.Count == 0 ? [] : await registry.EffectsAsync(waves[^1].Id, cancellationToken);
        return new RegistrySection(waves.Count == 0 ? null : waves[^1].Id, await interventionsTask, [.. effects.Where(e => !e.IsPooled && e.Unit == unit).OrderBy(e => e.StartWave, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)]);
    }

    /// <summary>Running interventions, and unit effects conclusive at the latest wave that were not at the previous one.</summary>
    public async Task<RegistrySection> OverviewAsync(CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        if (waves.Count == 0)
        {
            return RegistrySection.Empty;
        }

        var runningTask = registry.InterventionsAsync(new InterventionFilter(Status: InterventionStatuses.Running), cancellationToken);
        var previousTask = waves.Count > 1 ? registry.EffectsAsync(waves[^2].Id, cancellationToken) : Task.FromResult<IReadOnlyList<EffectRow>>([]);
        var rowsTask = read.RowsAsync(waves[^1].Id, cancellationToken);
        var latest = await registry.EffectsAsync(waves[^1].Id, cancellationToken);
        var before = (await previousTask).Where(e => e.IsConclusive).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var became = latest.Where(e => !e.IsPooled && e.IsConclusive && !before.Contains(e.Key)).OrderBy(e => e.Unit, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
        return new RegistrySection(waves[^1].Id, await runningTask, became) { Names = (await rowsTask).ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal) };
    }

    public async Task<EffectsModel> EffectsAsync(CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        if (waves.Count == 0)
        {
            return new EffectsModel(null, [], [], new Dictionary<string, string>());
        }

        var rowsTask = read.RowsAsync(waves[^1].Id, cancellationToken);
        var plansTask = plans.ReadAsync(waves[^1].Id, cancellationToken);
        var effects = await registry.EffectsAsync(waves[^1].Id, cancellationToken);
        var names = (await rowsTask).ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal);
        return new EffectsModel(
            waves[^1].Id,
            [.. effects.Where(e => e.IsPooled).OrderBy(e => TypeOrder(e.Type)).ThenBy(e => e.Construct)],
            [.. effects.Where(e => !e.IsPooled).OrderBy(e => TypeOrder(e.Type)).ThenBy(e => e.Construct).ThenBy(e => names.GetValueOrDefault(e.Unit, e.Unit), StringComparer.CurrentCulture)],
            names)
        {
            Plans = await plansTask,
        };
    }

    /// <summary>The units and start waves the intervention form offers (<see cref="FormChoices"/>).</summary>
    public async Task<FormChoices> FormChoicesAsync(CancellationToken cancellationToken)
    {
        var unpublishedTask = read.UnpublishedWaveIdsAsync(cancellationToken);
        var waves = (await read.WavesAsync(cancellationToken)).Select(w => w.Id).ToList();
        var rows = waves.Count == 0 ? [] : await read.RowsAsync(waves[^1], cancellationToken);
        var unpublished = await unpublishedTask;
        var known = waves.Concat(unpublished).Max(StringComparer.Ordinal);
        var scheduled = WaveSchedule.Next(options.Value.WaveSchedule, clock.GetUtcNow(), FormChoices.ScheduledWaves)
            .Where(w => known is null || string.CompareOrdinal(w, known) > 0);
        return new FormChoices(TreeOrder(rows), [.. unpublished.Concat(scheduled)], [.. waves.TakeLast(FormChoices.RecentWaves).Reverse()]);
    }

    public async Task<AuditModel> AuditAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var today = registry.Today;
        var asked = (from, to) is ({ Length: > 0 }, _) or (_, { Length: > 0 });
        var valid = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) & DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) && start <= end;
        (start, end) = valid ? (start, end) : (today.AddDays(-6), today);
        return new AuditModel(start, end, await registry.AuditAsync(start, end, Pipeline.Audit.AuditLog.MaxListing, cancellationToken), asked && !valid);
    }

    /// <summary>Every unit, depth first from the root, children by name, each with the names above it.</summary>
    private static List<SearchHit> TreeOrder(IReadOnlyList<PublishedRow> rows)
    {
        var children = rows.Where(r => !r.IsRoot).ToLookup(r => r.Parent, StringComparer.Ordinal);
        var ordered = new List<SearchHit>();
        void Visit(PublishedRow row, List<string> above, int depth)
        {
            ordered.Add(new SearchHit(row.Unit, row.Name, above));
            if (depth < MaxDepth)
            {
                foreach (var child in children[row.Unit].OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Unit, StringComparer.Ordinal))
                {
                    Visit(child, row.IsRoot ? [] : [.. above, row.Name], depth + 1);
                }
            }
        }

        foreach (var root in rows.Where(r => r.IsRoot))
        {
            Visit(root, [], 0);
        }

        return ordered;
    }

    private static int TypeOrder(string type) => InterventionTypes.All.ToList().FindIndex(t => t.Id == type);

    /// <summary>The latest published wave's tree by unit id (empty before the first publication).</summary>
    private async Task<IReadOnlyDictionary<string, PublishedRow>> TreeAsync(CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        return waves.Count == 0 ? new Dictionary<string, PublishedRow>() : (await read.RowsAsync(waves[^1].Id, cancellationToken)).ToDictionary(r => r.Unit, StringComparer.Ordinal);
    }

    private static ListedIntervention List(StoredIntervention stored, IReadOnlyDictionary<string, PublishedRow> tree)
    {
        var unit = stored.Intervention.Unit;
        if (!tree.TryGetValue(unit, out var row))
        {
            return new ListedIntervention(stored, "", "");
        }

        var at = row;
        for (var depth = 0; depth < MaxDepth && tree.TryGetValue(at.Parent, out var parent) && !parent.IsRoot; depth++)
        {
            at = parent;
        }

        return new ListedIntervention(stored, row.Name, at.IsRoot ? "" : at.Unit);
    }
}
