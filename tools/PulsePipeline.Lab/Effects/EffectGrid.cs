namespace PulsePipeline.Lab.Effects;

/// <summary>
/// The worlds `pulse evaluate-effects` judges the estimator on: the default world, and 18 worlds that vary six factors
/// along an orthogonal array (L18: every level of every factor, and every pair of levels of any two factors, appears
/// in some world, twice for two three-level factors), so that a method tuned to one world shows where it fails.
/// Factors: median unit size (about 8, 18 or 40 respondents), answers and shift sizes heavy-tailed or not, how long a
/// shift lasts (fading, mixed, permanent), the share of flagged units IPIM treats, the waves of history before IPIM
/// acts (3, 8 or 24), and the organisation-wide step (none, 0.15, 0.3 points).
/// </summary>
public static class EffectGrid
{
    /// <summary>The standard L18 (2¹ × 3⁷) array's first six columns, levels 0-based.</summary>
    internal static readonly int[][] Array =
    [
        [0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 1, 1], [0, 0, 2, 2, 2, 2],
        [0, 1, 0, 0, 1, 1], [0, 1, 1, 1, 2, 2], [0, 1, 2, 2, 0, 0],
        [0, 2, 0, 1, 0, 2], [0, 2, 1, 2, 1, 0], [0, 2, 2, 0, 2, 1],
        [1, 0, 0, 2, 2, 1], [1, 0, 1, 0, 0, 2], [1, 0, 2, 1, 1, 0],
        [1, 1, 0, 1, 2, 0], [1, 1, 1, 2, 0, 1], [1, 1, 2, 0, 1, 2],
        [1, 2, 0, 2, 1, 2], [1, 2, 1, 0, 2, 0], [1, 2, 2, 1, 0, 1],
    ];

    private static readonly (string Name, double MedianStaff)[] Sizes = [("n~8", 13), ("n~18", 29), ("n~40", 64)];
    private static readonly (string Name, double Min, double Max)[] Persistence = [("fading", 0, 0.2), ("mixed", 0.2, 0.8), ("permanent", 0.8, 1.0)];
    private static readonly double[] Treated = [0.3, 0.75, 1.0];
    private static readonly EffectWorldSettings Default = new();
    private static readonly int[] History = [3, 8, 24];
    private static readonly double[] Organisation = [0, 0.15, 0.3];

    public const string DefaultName = "default";

    /// <summary>Waves after the first start in every grid world.</summary>
    public const int WavesAfterFirstStart = 12;

    /// <summary>The default world and three grid worlds that together hold every level of size, tails and persistence.</summary>
    public static IReadOnlyList<EffectGridCell> Quick(int units)
    {
        var all = Cells(units);
        return [all[0], all[12], all[14], all[16]];
    }

    /// <param name="units">Units per world.</param>
    public static IReadOnlyList<EffectGridCell> Cells(int units)
    {
        var cells = new List<EffectGridCell> { new(DefaultName, new EffectWorldSettings { Units = units }) };
        foreach (var (row, i) in Array.Select((r, i) => (r, i)))
        {
            var heavy = row[0] == 1;
            var size = Sizes[row[1]];
            var persistence = Persistence[row[2]];
            var world = new EffectWorldSettings
            {
                Units = units,
                MedianStaff = size.MedianStaff,
                ExtremeRespondentShare = heavy ? 0.1 : 0,
                LargeShiftShare = heavy ? 0.2 : 0,
                MaxShiftSize = heavy ? 2.0 : 1.2,
                MinPermanentShare = persistence.Min,
                MaxPermanentShare = persistence.Max,
                TreatFlagged = Treated[row[3]],
                // About 2% of a world's interventions started before its history, as in the default world.
                BeforeHistory = (int)Math.Round(Default.BeforeHistory * Treated[row[3]] / Default.TreatFlagged),
                FirstTreatmentWave = History[row[4]],
                Waves = History[row[4]] + WavesAfterFirstStart,
                OrganisationChange = Organisation[row[5]],
            };
            var name = FormattableString.Invariant($"{i + 1:00} {size.Name} {(heavy ? "heavy" : "light")} {persistence.Name} treat{Treated[row[3]]:0.00} pre{History[row[4]]} org{Organisation[row[5]]:0.00}");
            cells.Add(new EffectGridCell(name, world));
        }

        return cells;
    }
}
