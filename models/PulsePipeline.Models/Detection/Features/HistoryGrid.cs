namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// The history as a wave × unit grid: waves in text order (the contract makes them sortable as text), units in
/// ordinal order, so that the result never depends on the order of the input rows.
/// </summary>
internal sealed class HistoryGrid
{
    private readonly HistoryRow?[,] cells;

    private HistoryGrid(IReadOnlyList<string> waves, IReadOnlyList<string> units, HistoryRow?[,] cells)
    {
        Waves = waves;
        Units = units;
        this.cells = cells;
    }

    public IReadOnlyList<string> Waves { get; }

    public IReadOnlyList<string> Units { get; }

    public HistoryRow? this[int wave, int unit] => cells[wave, unit];

    /// <exception cref="ArgumentException">A wave and unit appear twice, or a row holds figures outside their range.</exception>
    public static HistoryGrid From(IEnumerable<HistoryRow> rows)
    {
        var list = rows.ToList();
        var waves = list.Select(r => r.Wave).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var units = list.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var waveIndex = waves.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
        var unitIndex = units.Select((u, i) => (u, i)).ToDictionary(p => p.u, p => p.i, StringComparer.Ordinal);
        var cells = new HistoryRow?[waves.Count, units.Count];
        foreach (var row in list)
        {
            Check(row);
            ref var cell = ref cells[waveIndex[row.Wave], unitIndex[row.Unit]];
            if (cell is not null)
            {
                throw new ArgumentException($"wave {row.Wave} unit {row.Unit} appears more than once in the history", nameof(rows));
            }

            cell = row;
        }

        return new HistoryGrid(waves, units, cells);
    }

    private static void Check(HistoryRow row)
    {
        static bool Mean(double? m) => m is null || (m >= 1 && m <= 5);
        static bool Sd(double? s) => s is null || (s >= 0 && s <= HistoryCsv.MaxSd);
        if (row.N < 0 || row.Invited < 0 || !Mean(row.PressureMean) || !Mean(row.SpeakUpMean) || !Sd(row.PressureSd) || !Sd(row.SpeakUpSd))
        {
            throw new ArgumentException($"wave {row.Wave} unit {row.Unit}: figures out of range (n and invited at least 0, means 1–5, SDs 0–2.5)", nameof(row));
        }
    }
}
