using PulsePipeline.Models.Instrument;
using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.Workspace.Pages;

/// <summary>
/// Builds each page's model from the published read model. Nothing here adds figures up: every number a page shows
/// is a published figure, a flag figure, or computed by the page from one unit's own row.
/// </summary>
public sealed class PageModels(PublishedReadModel read)
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
        var names = rows.ToDictionary(r => r.Unit, r => r.Name, StringComparer.Ordinal);
        var flagged = flags
            .Where(f => f is { IsOrganisation: false, Flagged: true })
            .OrderByDescending(f => f.Score ?? double.NegativeInfinity)
            .ThenBy(f => f.Unit, StringComparer.Ordinal)
            .Select(f => new FlaggedUnit(f.Unit!, names.GetValueOrDefault(f.Unit!, f.Unit!), f))
            .ToList();
        return new OverviewModel(latest, rows.FirstOrDefault(r => r.IsRoot), flags.FirstOrDefault(f => f.IsOrganisation), flagged);
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
        var window = waves[start..(end + 1)];
        var rowsTask = read.RowsAsync(waves[end], cancellationToken);
        var flagTasks = window.Select(w => read.FlagsAsync(w, cancellationToken)).ToList();
        var rows = await rowsTask;
        var flags = (await Task.WhenAll(flagTasks))
            .Select(list => (IReadOnlyDictionary<string, FlagRow>)list.Where(f => !f.IsOrganisation).ToDictionary(f => f.Unit!, StringComparer.Ordinal))
            .ToList();

        var (root, branches, limited) = HeatmapTree.Build(rows, flags, under);
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
        return new UnitModel(unit, latest.Name, history, flags, path, children, latest, Instruments.TryGet(version, out var instrument) ? instrument : null);
    }
}
