using System.Globalization;
using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// The unit tree of a seeded history. With no ministries the world's units stand alone (the effect tests' flat world);
/// otherwise a root, that many ministries and <see cref="DirectoratesPerMinistry"/> directorates in each sit above them,
/// every unit in one directorate, as in a real organisation, where the heatmap's overview shows the ministries and the
/// level below them. The root's, ministries' and directorates' rows are rolled up from their units' published figures
/// (n and invited summed, means weighted by n, SDs pooled within and between), as a publication leaves them.
/// </summary>
internal sealed class SeedTree
{
    public const string Root = "rijk";

    public const int DirectoratesPerMinistry = 8;

    private readonly Dictionary<string, string> parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal) { [Root] = "Rijksoverheid" };

    public SeedTree(int ministries, IEnumerable<string> units)
    {
        if (ministries == 0)
        {
            return;
        }

        var directorates = new List<string>();
        for (var m = 1; m <= ministries; m++)
        {
            var ministry = "min-" + m.ToString("D2", CultureInfo.InvariantCulture);
            (parents[ministry], names[ministry]) = (Root, "Ministerie " + m.ToString("D2", CultureInfo.InvariantCulture));
            for (var d = 1; d <= DirectoratesPerMinistry; d++)
            {
                var directorate = $"{ministry}/dir-{d}";
                (parents[directorate], names[directorate]) = (ministry, $"Directie {d} van ministerie {m}");
                directorates.Add(directorate);
            }
        }

        foreach (var (unit, i) in units.Append(EffectHistorySeed.Tiny).Select((u, i) => (u, i)))
        {
            parents[unit] = directorates[i % directorates.Count];
        }
    }

    public string ParentOf(string unit) => parents.GetValueOrDefault(unit, "");

    public string NameOf(string unit) => names.TryGetValue(unit, out var name) ? name : EffectHistorySeed.NameOf(unit);

    /// <summary>The units above <paramref name="unit"/>, the root first.</summary>
    public IReadOnlyList<string> Ancestors(string unit)
    {
        var path = new List<string>();
        for (var at = ParentOf(unit); at.Length > 0; at = ParentOf(at))
        {
            path.Insert(0, at);
        }

        return path;
    }

    /// <summary>The rows of every unit above the world's units, each wave, from the rows of the units below it.</summary>
    public IEnumerable<HistoryRow> RollUp(IReadOnlyList<HistoryRow> rows)
    {
        var above = names.Keys.ToHashSet(StringComparer.Ordinal);
        if (parents.Count == 0)
        {
            yield break;
        }

        foreach (var wave in rows.Where(r => !above.Contains(r.Unit)).GroupBy(r => r.Wave))
        {
            var leaves = names.Keys.ToDictionary(a => a, _ => new List<HistoryRow>(), StringComparer.Ordinal);
            foreach (var row in wave)
            {
                foreach (var ancestor in Ancestors(row.Unit))
                {
                    leaves[ancestor].Add(row);
                }
            }

            foreach (var (unit, below) in leaves)
            {
                yield return Combine(wave.Key, unit, below);
            }
        }
    }

    private static HistoryRow Combine(string wave, string unit, List<HistoryRow> below)
    {
        var invited = below.Sum(c => c.Invited ?? 0);
        var shown = below.Where(c => c.IsPublished).ToList();
        var n = shown.Sum(c => c.N!.Value);
        if (n < 2)
        {
            return HistoryRow.Suppressed(wave, unit, invited);
        }

        var (pressure, pressureSd) = Pool(shown, n, c => c.PressureMean!.Value, c => c.PressureSd!.Value);
        var (speakUp, speakUpSd) = Pool(shown, n, c => c.SpeakUpMean!.Value, c => c.SpeakUpSd!.Value);
        return new HistoryRow(wave, unit, n, invited, pressure, pressureSd, speakUp, speakUpSd);
    }

    private static (double Mean, double Sd) Pool(List<HistoryRow> rows, int n, Func<HistoryRow, double> mean, Func<HistoryRow, double> sd)
    {
        var m = rows.Sum(r => r.N!.Value * mean(r)) / n;
        var squares = rows.Sum(r => ((r.N!.Value - 1) * sd(r) * sd(r)) + (r.N!.Value * (mean(r) - m) * (mean(r) - m)));
        return (m, Math.Sqrt(squares / (n - 1)));
    }
}
