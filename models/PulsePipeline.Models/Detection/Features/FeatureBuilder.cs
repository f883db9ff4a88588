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
                    ? Features(pEvidence[u]!, sEvidence[u]!, row.N!.Value, rate - previousRate, historyCounts[u])
                    : null;
                evidence.Add(new UnitWaveEvidence(t, u, row, status, pEvidence[u], sEvidence[u], rate, previousRate, historyCounts[u], features));
            }
        }

        return new FeatureTable(grid.Waves, grid.Units, evidence, pressure.Levels, speakUp.Levels);
    }

    private static double? ResponseRate(HistoryRow row) =>
        row is { IsPublished: true, Invited: > 0 } && row.N <= row.Invited ? (double)row.N!.Value / row.Invited!.Value : null;

    /// <summary>
    /// The model's inputs: the strongest adverse evidence of either construct, this wave or this and the previous wave
    /// together, and its square (so the logistic boundary can bend); n; the response-rate change; how much history.
    /// Both evidence inputs grow with adverse evidence and are clipped at zero, and the model gives both positive
    /// weights, so a score can only rise as a unit worsens, and an improvement looks exactly like no change.
    /// Left out on purpose (see docs/DETECTION.md): per-construct inputs (trees learned that "one construct high, the
    /// other exactly zero" is suspicious and flagged units that improved in one construct); the trend (its learned
    /// weight was negative, because in simulation a steady drift is noise, which would hide units that worsen steadily:
    /// it is reported in the reasons instead); the organisation-wide change (it enters through every z, taken out of the
    /// change with its uncertainty added, and as an input of its own would let an organisation-wide wave change which
    /// units are flagged).
    /// </summary>
    private static float[] Features(ConstructEvidence p, ConstructEvidence s, int n, double? rateChange, int historyWaves) =>
        Features(Max(p.Z, s.Z), Max(p.TwoWaveZ, s.TwoWaveZ), n, rateChange, historyWaves);

    /// <summary>The feature vector from the strongest adverse single- and two-wave z values (null where not available).</summary>
    internal static float[] Features(double? z, double? twoWaveZ, int n, double? rateChange, int historyWaves)
    {
        var strongest = Math.Max(Adverse(z), Adverse(twoWaveZ));
        return [strongest, strongest * strongest, (float)Math.Log2(n), (float)(rateChange ?? 0), Math.Min(historyWaves, FeatureSpec.HistoryWindow)];
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static float Adverse(double? z) => z is { } v && v > 0 ? (float)v : 0f;
}
