using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Publication;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// Builds each page's model from the published read model. Nothing here adds survey figures up: every number a page
/// shows is a published figure, a flag figure, computed by the page from one unit's own rows, or a count of flags.
/// </summary>
public sealed class PageModels(PublishedReadModel read, FindingsReader findingsReader)
{
    private const int MaxDepth = 64;

    public async Task<OverviewModel> OverviewAsync(CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        if (waves.Count == 0)
        {
            return new OverviewModel(null, null, null, []);
        }

        var latest = waves[^1];
        var rowsTask = read.RowsAsync(latest.Id, cancellationToken);
        var flagsTask = read.FlagsAsync(latest.Id, cancellationToken);
        var rows = await rowsTask;
        var flags = await flagsTask;
        var findings = await findingsReader.FindingsAsync([.. waves.Select(w => w.Id)], rows, flags, null, cancellationToken);
        return new OverviewModel(latest, rows.FirstOrDefault(r => r.IsRoot), flags.FirstOrDefault(f => f.IsOrganisation), findings);
    }

    public async Task<HeatmapModel> HeatmapAsync(Construct construct, string? to, bool tableView, string? under, CancellationToken cancellationToken)
    {
        var waves = (await read.WavesAsync(cancellationToken)).Select(w => w.Id).ToList();
        if (waves.Count == 0)
        {
            return new HeatmapModel(construct, null, [], null, null, tableView, null, []);
        }

        var end = to is not null && waves.IndexOf(to) is var found and >= 0 ? found : waves.Count - 1;
        var start = Math.Max(0, end - HeatmapModel.Window + 1);
        // Newest first: the present is the first thing on the screen, on a laptop and on a tablet alike.
        var window = waves[start..(end + 1)];
        window.Reverse();
        var rowsTask = read.RowsAsync(waves[end], cancellationToken);
        var flagTasks = window.Select(w => read.FlagsAsync(w, cancellationToken)).ToList();
        var withheldTasks = window.Skip(1).Select(w => read.WithheldAsync(w, cancellationToken)).ToList();
        var rows = await rowsTask;
        var flagLists = await Task.WhenAll(flagTasks);
        var flags = flagLists
            .Select(list => (IReadOnlyDictionary<string, FlagRow>)list.Where(f => !f.IsOrganisation).ToDictionary(f => f.Unit!, StringComparer.Ordinal))
            .ToList();
        var organisation = flagLists.Select(list => list.FirstOrDefault(f => f.IsOrganisation)).ToList();
        var withheld = new List<IReadOnlyDictionary<string, SuppressionReason?>> { rows.Where(r => !r.Published).ToDictionary(r => r.Unit, r => r.Withheld, StringComparer.Ordinal) };
        withheld.AddRange(await Task.WhenAll(withheldTasks));

        var (root, branches, limited) = HeatmapTree.Build(rows, flags, under, organisation, withheld);
        return new HeatmapModel(
            construct,
            waves[end],
            window,
            start > 0 ? waves[start - 1] : null,
            end < waves.Count - 1 ? waves[Math.Min(waves.Count - 1, end + HeatmapModel.Window)] : null,
            tableView,
            root,
            branches)
        {
            Under = branches.Count == 1 && branches[0].Head.Unit == under ? under : null,
            Limited = limited,
        };
    }

    /// <summary>Units of the latest published wave whose name (or id) holds <paramref name="query"/>.</summary>
    public async Task<SearchModel> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        return UnitSearch.Find(waves.Count == 0 ? [] : await read.RowsAsync(waves[^1].Id, cancellationToken), query);
    }

    /// <summary>The unit's page, or null when no published wave has a row for it.</summary>
    public async Task<UnitModel?> UnitAsync(string unit, CancellationToken cancellationToken)
    {
        var waves = await read.WavesAsync(cancellationToken);
        var rowTasks = waves.Select(w => read.RowAsync(w.Id, unit, cancellationToken)).ToList();
        var flagTasks = waves.Select(w => read.FlagAsync(w.Id, unit, cancellationToken)).ToList();
        var history = (await Task.WhenAll(rowTasks)).OfType<PublishedRow>().ToList();
        var flags = (await Task.WhenAll(flagTasks)).OfType<FlagRow>().ToList();
        if (history.Count == 0)
        {
            return null;
        }

        var latest = history[^1];
        var childrenTask = read.ChildrenAsync(latest.Wave, unit, cancellationToken);
        var path = new List<(string, string)> { (latest.Unit, latest.Name) };
        for (var at = latest; !at.IsRoot && path.Count <= MaxDepth && await read.RowAsync(latest.Wave, at.Parent, cancellationToken) is { } parent; at = parent)
        {
            path.Insert(0, (parent.Unit, parent.Name));
        }

        var children = (await childrenTask).OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Unit, StringComparer.Ordinal).ToList();
        var version = waves.First(w => w.Id == latest.Wave).InstrumentVersion;
        return new UnitModel(unit, latest.Name, history, flags, path, children, latest, Instruments.TryGet(version, out var instrument) ? instrument : null)
        {
            Status = await StatusAsync(latest, [.. waves.Select(w => w.Id).TakeWhile(w => string.CompareOrdinal(w, latest.Wave) <= 0)], flags, cancellationToken),
        };
    }

    /// <summary>
    /// The unit's status in its latest wave. Only a flagged unit needs the wave's other flags, to know how its flag is
    /// grouped; the whole organisation's status is the organisation-wide change.
    /// </summary>
    private async Task<UnitStatus> StatusAsync(PublishedRow latest, IReadOnlyList<string> waves, IReadOnlyList<FlagRow> flags, CancellationToken cancellationToken)
    {
        var flag = flags.FirstOrDefault(f => f.Wave == latest.Wave);
        if (latest.IsRoot)
        {
            return new UnitStatus(latest.Wave, flag) { Organisation = await read.OrganisationFlagAsync(latest.Wave, cancellationToken) };
        }

        if (flag is not { Flagged: true })
        {
            return new UnitStatus(latest.Wave, flag);
        }

        var byWave = flags.ToDictionary(f => f.Wave, StringComparer.Ordinal);
        var since = FlagRuns.Since(waves.Reverse().Select(w => (w, byWave.TryGetValue(w, out var f) ? f.Flagged : (bool?)null))) ?? latest.Wave;
        var rowsTask = read.RowsAsync(latest.Wave, cancellationToken);
        var findings = FindingsReader.Group(await rowsTask, await read.FlagsAsync(latest.Wave, cancellationToken));
        var names = (await rowsTask).ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal);
        (string, string) Named(string unit) => (unit, names.GetValueOrDefault(unit, unit));
        var own = findings.FirstOrDefault(f => f.Unit == latest.Unit);
        var owner = findings.FirstOrDefault(f => f.Explains.Contains(latest.Unit, StringComparer.Ordinal));
        return new UnitStatus(latest.Wave, flag)
        {
            Since = since,
            ExplainedBy = owner is null ? null : Named(owner.Unit),
            Explains = own is null ? [] : [.. own.Explains.Select(Named)],
        };
    }
}
