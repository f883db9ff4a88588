using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Units;

namespace PulsePipeline.Models.Effects;

/// <summary>
/// The published history up to the as-of wave as a grid of units × waves per construct (0 pressure, 1 speak-up), with
/// each cell's sampling variance, whether it is a control observation (no intervention in the unit's line has started
/// by then) and its deviation from the wave's reference. Units and waves are in ordinal order, so row order never matters.
/// </summary>
internal sealed class EffectPanel
{
    private readonly Dictionary<string, int> unitIndex;

    public EffectPanel(IReadOnlyList<HistoryRow> history, IReadOnlyList<PlannedIntervention> interventions, string? asOfWave, UnitTree? tree, EffectSettings settings)
    {
        var rows = history.Where(r => asOfWave is null || string.CompareOrdinal(r.Wave, asOfWave) <= 0).ToList();
        Waves = rows.Select(r => r.Wave).Distinct().Order(StringComparer.Ordinal).ToArray();
        Units = rows.Select(r => r.Unit).Distinct().Order(StringComparer.Ordinal).ToArray();
        Tree = tree;
        unitIndex = Units.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        var waveIndex = Waves.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        W = Waves.Count;
        N = new int[Units.Count * W];
        Invited = new int[Units.Count * W];
        Y = [Filled(N.Length), Filled(N.Length)];
        V = [Filled(N.Length), Filled(N.Length)];
        var sd = new[] { Filled(N.Length), Filled(N.Length) };
        foreach (var r in rows)
        {
            var at = Cell(unitIndex[r.Unit], waveIndex[r.Wave]);
            Invited[at] = r.Invited ?? 0;
            if (r.IsPublished)
            {
                N[at] = r.N!.Value;
                (Y[0][at], sd[0][at], Y[1][at], sd[1][at]) = (r.PressureMean!.Value, r.PressureSd!.Value, r.SpeakUpMean!.Value, r.SpeakUpSd!.Value);
            }
        }

        for (var c = 0; c < 2; c++)
        {
            ShrinkVariances(c, sd[c], settings.PooledSdWeight);
        }

        FirstTreated = FirstTreatedWaves(interventions);
        Reference = [WaveReference.Compute(this, 0), WaveReference.Compute(this, 1)];
        D = [Deviations(0), Deviations(1)];
    }

    public IReadOnlyList<string> Waves { get; }

    public IReadOnlyList<string> Units { get; }

    public UnitTree? Tree { get; }

    public int W { get; }

    /// <summary>Respondents per cell; 0 where the unit was suppressed or absent.</summary>
    public int[] N { get; }

    public int[] Invited { get; }

    public double[][] Y { get; }

    public double[][] V { get; }

    public double[][] D { get; }

    public double[][] Reference { get; }

    /// <summary>Per unit, the first wave index from which an intervention in its line runs (W when none).</summary>
    public int[] FirstTreated { get; }

    public int Cell(int unit, int wave) => unit * W + wave;

    public bool Published(int unit, int wave) => N[Cell(unit, wave)] > 0;

    public bool IsControl(int unit, int wave) => wave < FirstTreated[unit];

    public int? UnitIndex(string unit) => unitIndex.TryGetValue(unit, out var i) ? i : null;

    /// <summary>The first wave index at or after <paramref name="startWave"/> (W when the start lies after every wave).</summary>
    public int StartIndex(string startWave)
    {
        var i = 0;
        while (i < W && string.CompareOrdinal(Waves[i], startWave) < 0)
        {
            i++;
        }

        return i;
    }

    /// <summary>The unit's line in the tree: its ancestors and descendants that have a history (itself excluded).</summary>
    public IEnumerable<int> Line(string unit)
    {
        if (Tree is null || !Tree.Contains(unit))
        {
            yield break;
        }

        foreach (var ancestor in Tree.PathTo(unit).SkipLast(1))
        {
            if (UnitIndex(ancestor) is { } a)
            {
                yield return a;
            }
        }

        foreach (var descendant in Descendants(unit))
        {
            if (UnitIndex(descendant) is { } d)
            {
                yield return d;
            }
        }
    }

    public IEnumerable<string> Descendants(string unit)
    {
        var queue = new Queue<string>(Tree!.ChildrenOf(unit));
        while (queue.TryDequeue(out var next))
        {
            yield return next;
            foreach (var child in Tree.ChildrenOf(next))
            {
                queue.Enqueue(child);
            }
        }
    }

    private int[] FirstTreatedWaves(IReadOnlyList<PlannedIntervention> interventions)
    {
        var first = Enumerable.Repeat(W, Units.Count).ToArray();
        foreach (var intervention in interventions)
        {
            var start = StartIndex(intervention.StartWave);
            var own = UnitIndex(intervention.Unit);
            foreach (var u in own is { } o ? Line(intervention.Unit).Append(o) : Line(intervention.Unit))
            {
                first[u] = Math.Min(first[u], start);
            }
        }

        return first;
    }

    /// <summary>SDs of small units are shrunk toward the wave's pooled SD, as the detector does, before v = SD²/n.</summary>
    private void ShrinkVariances(int c, double[] sd, double weight)
    {
        for (var t = 0; t < W; t++)
        {
            double sum = 0, df = 0;
            for (var u = 0; u < Units.Count; u++)
            {
                var at = Cell(u, t);
                if (N[at] > 1)
                {
                    sum += (N[at] - 1) * sd[at] * sd[at];
                    df += N[at] - 1;
                }
            }

            var pooled = df >= 20 ? sum / df : 0.64;
            for (var u = 0; u < Units.Count; u++)
            {
                var at = Cell(u, t);
                if (N[at] > 0)
                {
                    var dfu = Math.Max(N[at] - 1, 0);
                    V[c][at] = (dfu * sd[at] * sd[at] + weight * pooled) / (dfu + weight) / N[at];
                }
            }
        }
    }

    private double[] Deviations(int c)
    {
        var d = Filled(N.Length);
        for (var u = 0; u < Units.Count; u++)
        {
            for (var t = 0; t < W; t++)
            {
                var at = Cell(u, t);
                if (N[at] > 0)
                {
                    d[at] = Y[c][at] - Reference[c][t];
                }
            }
        }

        return d;
    }

    private static double[] Filled(int length) => Enumerable.Repeat(double.NaN, length).ToArray();
}
