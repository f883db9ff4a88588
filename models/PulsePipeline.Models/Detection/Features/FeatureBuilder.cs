namespace PulsePipeline.Models.Detection.Features;

/// <summary>
/// Turns a published history into per unit-wave evidence and model features. Waves are processed in order and each
/// wave sees only itself and earlier waves, so appending a later wave can never change an earlier wave's result.
/// </summary>
internal static class FeatureBuilder
{
    public static FeatureTable Build(IEnumerable<HistoryRow> rows)
    {
        var grid = HistoryGrid.From(rows);
        var unitCount = grid.Units.Count;
        var pressure = new ConstructTrack(unitCount, +1);
        var speakUp = new ConstructTrack(unitCount, -1);
        var responseRates = Enumerable.Range(0, unitCount).Select(_ => new List<double>()).ToArray();
        var evidence = new List<UnitWaveEvidence>();
        for (var t = 0; t < grid.Waves.Count; t++)
        {
            var pObs = new Observation?[unitCount];
            var sObs = new Observation?[unitCount];
            var historyCounts = new int[unitCount];
            for (var u = 0; u < unitCount; u++)
            {
                historyCounts[u] = pressure.HistoryCount(u);
                if (grid[t, u] is { IsPublished: true } r)
                {
                    pObs[u] = new Observation(r.N!.Value, r.PressureMean!.Value, r.PressureSd!.Value);
                    sObs[u] = new Observation(r.N!.Value, r.SpeakUpMean!.Value, r.SpeakUpSd!.Value);
                }
            }

            var pEvidence = pressure.Step(t, pObs);
            var sEvidence = speakUp.Step(t, sObs);
            var orgPressure = t > 0 ? pressure.Levels[t].Level - pressure.Levels[t - 1].Level : 0;
            var orgSpeakUp = t > 0 ? speakUp.Levels[t].Level - speakUp.Levels[t - 1].Level : 0;
            for (var u = 0; u < unitCount; u++)
            {
                if (grid[t, u] is not { } row)
                {
                    continue;
                }

                var rate = ResponseRate(row);
                var rates = responseRates[u];
                double? previousRate = rates.Count > 0 ? rates.Skip(Math.Max(0, rates.Count - FeatureSpec.HistoryWindow)).Average() : null;
                if (rate is { } known)
                {
                    rates.Add(known);
                }

                var status = !row.IsPublished ? UnitFlagStatus.Suppressed
                    : pEvidence[u] is null || sEvidence[u] is null ? UnitFlagStatus.NotEnoughHistory
                    : UnitFlagStatus.Scored;
                var features = status == UnitFlagStatus.Scored
                    ? Features(pEvidence[u]!, sEvidence[u]!, row.N!.Value, rate - previousRate, orgPressure, -orgSpeakUp, historyCounts[u])
                    : null;
                evidence.Add(new UnitWaveEvidence(t, u, row, status, pEvidence[u], sEvidence[u], rate, previousRate, features));
            }
        }

        return new FeatureTable(grid.Waves, grid.Units, evidence, pressure.Levels, speakUp.Levels);
    }

    private static double? ResponseRate(HistoryRow row) =>
        row is { IsPublished: true, Invited: > 0 } && row.N <= row.Invited ? (double)row.N!.Value / row.Invited!.Value : null;

    /// <summary>
    /// The z values of single constructs, their sum (a shift in both constructs shows in neither alone as clearly), the
    /// trend, n, the response-rate change, the organisation-wide change and how much history there is.
    /// Adverse evidence is clipped at zero: an improvement then looks exactly like no change to the model, so it can
    /// never be flagged for improving.
    /// </summary>
    private static float[] Features(ConstructEvidence p, ConstructEvidence s, int n, double? rateChange, double orgPressure, double orgSpeakUpFall, int historyWaves) =>
    [
        Adverse(p.Z), Adverse(s.Z), Adverse(p.TwoWaveZ), Adverse(s.TwoWaveZ), Adverse(p.TrendZ), Adverse(s.TrendZ),
        (float)Math.Log2(n), (float)(rateChange ?? 0), (float)orgPressure, (float)orgSpeakUpFall,
        Math.Min(historyWaves, FeatureSpec.HistoryWindow),
        Adverse((p.Z + s.Z) / Math.Sqrt(2)), Adverse(((p.TwoWaveZ ?? 0) + (s.TwoWaveZ ?? 0)) / Math.Sqrt(2)),
    ];

    private static float Adverse(double? z) => z is { } v && v > 0 ? (float)v : 0f;
}
