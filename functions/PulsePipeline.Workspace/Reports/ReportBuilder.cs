using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Workspace.Pages;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Reports;

/// <summary>
/// Builds a ministry report from published rows, flags, interventions and effects only. The ministry must be a unit
/// directly under the root in the last wave asked, and both waves published; its subtree is as published then.
/// </summary>
public sealed class ReportBuilder(PublishedReadModel read, RegistryReadModel registry, FindingsReader findings, PlanStore plans, PlanEffectStore planEffects)
{
    public async Task<(ReportChoice Choice, ReportModel? Report)> BuildAsync(string? unit, string? from, string? to, CancellationToken cancellationToken)
    {
        var waves = (await read.WavesAsync(cancellationToken)).Select(w => w.Id).ToList();
        var asked = unit is { Length: > 0 } || from is { Length: > 0 } || to is { Length: > 0 };
        var last = to is not null && waves.Contains(to) ? to : waves.LastOrDefault();
        var rows = last is null ? [] : await read.RowsAsync(last, cancellationToken);
        var byUnit = rows.ToDictionary(r => r.Unit, StringComparer.Ordinal);
        var ministries = rows.Where(r => !r.IsRoot && byUnit.TryGetValue(r.Parent, out var p) && p.IsRoot)
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => (r.Unit, r.Name)).ToList();
        var (start, end) = (from is null ? -1 : waves.IndexOf(from), to is null ? -1 : waves.IndexOf(to));
        if (!asked || start < 0 || end < start || !ministries.Exists(m => m.Unit == unit))
        {
            return (new ReportChoice(ministries, waves, unit, from, to, asked), null);
        }

        var range = waves[start..(end + 1)];
        var subtree = Subtree(unit!, rows);
        var ownTasks = range.Select(w => read.RowAsync(w, unit!, cancellationToken)).ToList();
        var flagTasks = range.Select(w => read.FlagsAsync(w, cancellationToken)).ToList();
        var interventionsTask = registry.InterventionsAsync(InterventionFilter.All, cancellationToken);
        var plansTask = plans.ListAsync(cancellationToken);
        var planEffectsTask = planEffects.ReadAsync(to!, cancellationToken);
        var effects = await registry.EffectsAsync(to!, cancellationToken);
        var planRows = await planEffectsTask;
        var own = (await Task.WhenAll(ownTasks)).OfType<PublishedRow>().ToList();
        var flags = await Task.WhenAll(flagTasks);
        var interventions = (await interventionsTask).Where(i => subtree.Contains(i.Intervention.Unit)).ToList();
        var ids = interventions.Select(i => i.Intervention.Id).ToHashSet(StringComparer.Ordinal);
        var names = rows.ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal);
        var model = new ReportModel(
            unit!,
            byUnit[unit!].Name,
            from!,
            to!,
            own,
            FlaggedInPeriod(rows, range, flags, subtree, names),
            interventions,
            [.. effects.Where(e => !e.IsPooled && ids.Contains(e.InterventionId)).OrderBy(e => e.Unit, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal)],
            names)
        {
            Findings = await findings.FindingsAsync(waves[..(end + 1)], rows, flags[^1], subtree.Contains, cancellationToken),
            OwnFlags = [.. flags.SelectMany(f => f).Where(f => f.Unit == unit)],
            Plans = [.. (await plansTask).Where(p => p.Drawing is { } d && d.Members.Any(m => subtree.Contains(m.Unit)))
                .Select(p => new ReportPlan(p, [.. planRows.Where(e => e.Plan == p.Id).OrderBy(e => e.Construct)]))],
            Withheld = [.. rows.Where(r => !r.Published && subtree.Contains(r.Unit)).OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => (r.Unit, r.Name, r.Withheld))],
        };
        return (new ReportChoice(ministries, waves, unit, from, to, false), model);
    }

    /// <summary>
    /// Every unit of the subtree flagged in the period, by its last flag's score; a unit whose last flag a flagged unit
    /// below it explained (grouped over the last wave's tree) names that unit's finding.
    /// </summary>
    private static List<ReportFlaggedUnit> FlaggedInPeriod(IReadOnlyList<PublishedRow> rows, List<string> range, IReadOnlyList<FlagRow>[] flags, HashSet<string> subtree, Dictionary<string, string> names)
    {
        var owners = new Dictionary<(string Wave, string Unit), string>();
        for (var i = 0; i < range.Count; i++)
        {
            foreach (var finding in FindingsReader.Group(rows, flags[i]))
            {
                foreach (var explained in finding.Explains)
                {
                    owners[(range[i], explained)] = finding.Unit;
                }
            }
        }

        return [.. flags.SelectMany(f => f).Where(f => f is { IsOrganisation: false, Flagged: true } && subtree.Contains(f.Unit!))
            .GroupBy(f => f.Unit!, StringComparer.Ordinal)
            .Select(g =>
            {
                var lastFlag = g.OrderBy(f => f.Wave, StringComparer.Ordinal).Last();
                var owner = owners.GetValueOrDefault((lastFlag.Wave, g.Key));
                return new ReportFlaggedUnit(g.Key, names.GetValueOrDefault(g.Key, g.Key), [.. g.Select(f => f.Wave).Order(StringComparer.Ordinal)], lastFlag)
                {
                    ExplainedBy = owner is null ? null : (owner, names.GetValueOrDefault(owner, owner)),
                };
            })
            .OrderBy(u => u.ExplainedBy is not null)
            .ThenByDescending(u => u.Last.Wave, StringComparer.Ordinal)
            .ThenByDescending(u => u.Last.Score ?? double.NegativeInfinity)];
    }

    /// <summary>The ministry and every unit below it, by the parent links of one wave.</summary>
    private static HashSet<string> Subtree(string top, IReadOnlyList<PublishedRow> rows)
    {
        var children = rows.ToLookup(r => r.Parent, r => r.Unit, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal) { top };
        var queue = new Queue<string>([top]);
        while (queue.TryDequeue(out var unit))
        {
            foreach (var child in children[unit].Where(found.Add))
            {
                queue.Enqueue(child);
            }
        }

        return found;
    }
}
