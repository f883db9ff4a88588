using System.Globalization;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// The unit tree of a seeded history. With no ministries the world's units stand alone (the effect tests' flat world);
/// otherwise a root and that many ministries sit above them, every unit under one ministry, and the root's and each
/// ministry's rows are rolled up from their units' published figures (n and invited summed, means weighted by n, SDs
/// pooled within and between), so the workspace finds a tree to show as a real publication leaves it.
/// </summary>
internal sealed class SeedTree
{
    public const string Root = "rijk";

    private readonly Dictionary<string, string> parents = new(StringComparer.Ordinal);
    private readonly List<string> ministries;

    public SeedTree(int ministries, IEnumerable<string> units)
    {
        this.ministries = [.. Enumerable.Range(1, ministries).Select(m => "min-" + m.ToString("D2", CultureInfo.InvariantCulture))];
        if (ministries == 0)
        {
            return;
        }

        foreach (var ministry in this.ministries)
        {
            parents[ministry] = Root;
        }

        foreach (var (unit, i) in units.Append(EffectHistorySeed.Tiny).Select((u, i) => (u, i)))
        {
            parents[unit] = this.ministries[i % ministries];
        }
    }

    public string ParentOf(string unit) => parents.GetValueOrDefault(unit, "");

    public string NameOf(string unit) =>
        unit == Root ? "Rijksoverheid"
        : unit.StartsWith("min-", StringComparison.Ordinal) && parents.GetValueOrDefault(unit) == Root ? "Ministerie " + unit[4..]
        : EffectHistorySeed.NameOf(unit);

    /// <summary>The ministries' and the root's rows of every wave, from the units' rows.</summary>
    public IEnumerable<HistoryRow> RollUp(IReadOnlyList<HistoryRow> rows)
    {
        if (ministries.Count == 0)
        {
            yield break;
        }

        foreach (var wave in rows.GroupBy(r => r.Wave))
        {
            var byMinistry = wave.Where(r => parents.ContainsKey(r.Unit)).ToLookup(r => parents[r.Unit], StringComparer.Ordinal);
            var ministryRows = ministries.Select(m => Combine(wave.Key, m, [.. byMinistry[m]])).ToList();
            foreach (var row in ministryRows)
            {
                yield return row;
            }

            yield return Combine(wave.Key, Root, [.. wave.Where(r => parents.ContainsKey(r.Unit))]);
        }
    }

    private static HistoryRow Combine(string wave, string unit, IReadOnlyList<HistoryRow> children)
    {
        var invited = children.Sum(c => c.Invited ?? 0);
        var shown = children.Where(c => c.IsPublished).ToList();
        var n = shown.Sum(c => c.N!.Value);
        if (n < 2)
        {
            return HistoryRow.Suppressed(wave, unit, invited);
        }

        var (pressure, pressureSd) = Pool(shown, n, c => c.PressureMean!.Value, c => c.PressureSd!.Value);
        var (speakUp, speakUpSd) = Pool(shown, n, c => c.SpeakUpMean!.Value, c => c.SpeakUpSd!.Value);
        return new HistoryRow(wave, unit, n, invited, pressure, pressureSd, speakUp, speakUpSd);
    }

    private static (double Mean, double Sd) Pool(IReadOnlyList<HistoryRow> rows, int n, Func<HistoryRow, double> mean, Func<HistoryRow, double> sd)
    {
        var m = rows.Sum(r => r.N!.Value * mean(r)) / n;
        var squares = rows.Sum(r => ((r.N!.Value - 1) * sd(r) * sd(r)) + (r.N!.Value * (mean(r) - m) * (mean(r) - m)));
        return (m, Math.Sqrt(squares / (n - 1)));
    }
}
