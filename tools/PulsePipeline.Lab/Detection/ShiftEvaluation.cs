using System.Globalization;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Detection.Features;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// Runs the model and the plain statistical baseline on the same simulated history and measures both against what
/// was planted. Pure and deterministic: the same settings and model give the same report.
/// </summary>
public static class ShiftEvaluation
{
    public static EvaluationReport Run(EvaluationSettings settings, ShiftModel model)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(model);
        var history = HistorySimulator.Simulate(settings.Simulation);
        var truth = new GroundTruth(history);
        var table = FeatureBuilder.Build(history.Rows);
        var scored = table.Evidence.Where(e => e.Status == UnitFlagStatus.Scored).ToList();
        var probabilities = model.Score(scored.Select(e => e.Features!).ToList());
        var cases = scored.Select((e, i) => new Case(
            table.Units[e.UnitIndex],
            e.WaveIndex,
            truth.Classify(table.Waves[e.WaveIndex], table.Units[e.UnitIndex]),
            ShiftDetector.HasAdverseEvidence(e) ? probabilities[i] : double.NegativeInfinity,
            e.BaselineZ,
            e.MaxAdverseZ,
            ImprovedConstructZ(e, truth.EventOf(table.Units[e.UnitIndex])))).ToList();

        var modelPerformance = Measure("model", Invariant($"score >= {model.Threshold:0.####}"), cases, c => c.ModelScore, model.Threshold, history, truth);
        var baseline = Measure("baseline", Invariant($"z >= {settings.BaselineZ:0.###}"), cases, c => c.BaselineZ, settings.BaselineZ, history, truth);
        var nullBaseline = cases.Where(c => c.Truth == TruthKind.Unchanged).Select(c => c.BaselineZ).ToList();
        var matchedZ = Thresholds.ForFalseAlarmRate(nullBaseline, modelPerformance.FalseAlarmRate);
        var matched = Measure("baseline at the model's false-alarm rate", Invariant($"z >= {matchedZ:0.###}"), cases, c => c.BaselineZ, matchedZ, history, truth);
        var nullTwoWave = cases.Where(c => c.Truth == TruthKind.Unchanged).Select(c => c.TwoWaveZ).ToList();
        var twoWaveZ = Thresholds.ForFalseAlarmRate(nullTwoWave, modelPerformance.FalseAlarmRate);
        var twoWave = Measure("two-wave z-test at the model's false-alarm rate", Invariant($"z >= {twoWaveZ:0.###}"), cases, c => c.TwoWaveZ, twoWaveZ, history, truth);

        var organisation = Enumerable.Range(0, table.Waves.Count).Select(t => ShiftDetector.Organisation(table, t, DetectionSettings.Default)).ToList();
        var orgWave = organisation[history.OrganisationWave];
        var otherReports = organisation.Count(o => o.Significant && o.Wave != orgWave.Wave);
        var max = settings.MaxFalseAlarmRate;
        IReadOnlyList<EvaluationTarget> targets =
        [
            new(Invariant($"false alarms <= {max:0.#%} of unchanged unit-waves (model: {modelPerformance.FalseAlarmRate:0.00%})"), modelPerformance.FalseAlarmRate <= max),
            new(Invariant($"false alarms <= {max:0.#%} in the organisation-wide wave (model: {modelPerformance.OrganisationWaveFalseAlarmRate:0.00%})"), modelPerformance.OrganisationWaveFalseAlarmRate <= max),
            new(Invariant($"no improvement flagged on the construct that improved (model: {modelPerformance.ImprovementsFlaggedOnImprovedConstruct})"), modelPerformance.ImprovementsFlaggedOnImprovedConstruct == 0),
            new(Invariant($"improvements flagged no more often than unchanged units (model: {modelPerformance.ImprovementFlagRate:0.00%} vs {modelPerformance.FalseAlarmRate:0.00%}; p of an excess this large by chance {modelPerformance.ImprovementExcessP:0.00})"), modelPerformance.ImprovementFlagRate <= modelPerformance.FalseAlarmRate || modelPerformance.ImprovementExcessP >= 0.05),
            new(Invariant($"model recall above the baseline's at the same false-alarm rate ({modelPerformance.Overall.Rate:0.0%} vs {matched.Overall.Rate:0.0%})"), modelPerformance.Overall.Rate > matched.Overall.Rate),
            new("the organisation-wide shift is reported once, as an organisation-level change", orgWave is { Significant: true, Adverse: true }),
        ];
        return new EvaluationReport(settings, history, model.Version, modelPerformance, baseline, matched, twoWave, orgWave, otherReports, targets);
    }

    private static DetectorPerformance Measure(string name, string threshold, List<Case> cases, Func<Case, double> score, double cut, SimulatedHistory history, GroundTruth truth)
    {
        var flagged = cases.Where(c => score(c) >= cut).ToList();
        var unchanged = cases.Where(c => c.Truth == TruthKind.Unchanged).ToList();
        var orgWave = unchanged.Where(c => c.Wave == history.OrganisationWave).ToList();
        var improvements = cases.Where(c => c.Truth == TruthKind.ImprovementWindow).ToList();
        var found = flagged.Where(c => c.Truth == TruthKind.ShiftWindow).Select(c => c.Unit).ToHashSet(StringComparer.Ordinal);
        var shifts = history.Events.Where(e => e.Kind == PlantedKind.Shift).ToList();
        var recall = new List<RecallCell>();
        void Group(string dimension, Func<PlantedEvent, string> key) =>
            recall.AddRange(shifts.GroupBy(key).OrderBy(g => g.Min(e => SortKey(dimension, e, history))).Select(g => new RecallCell(dimension, g.Key, g.Count(e => found.Contains(e.Unit)), g.Count())));
        Group("all", _ => "all shifts");
        Group("size", e => Invariant($"{e.Size:0.0#}"));
        Group("respondents", e => SizeBand(history.ExpectedN[e.Unit]));
        Group("target", e => e.Target);
        return new DetectorPerformance(
            name,
            threshold,
            unchanged.Count,
            unchanged.Count(c => score(c) >= cut),
            orgWave.Count,
            orgWave.Count(c => score(c) >= cut),
            improvements.Count,
            improvements.Count(c => score(c) >= cut),
            improvements.Count(c => score(c) >= cut && c.ImprovedConstructZ >= ShiftDetector.AdverseEvidenceZ),
            recall);
    }

    /// <summary>The adverse evidence in the construct(s) an improvement moved: clipped features make it count for nothing.</summary>
    private static double ImprovedConstructZ(UnitWaveEvidence e, PlantedEvent? planted) =>
        planted is not { Kind: PlantedKind.Improvement } ? double.NegativeInfinity
            : planted.Constructs.Max(c => c == Construct.Pressure ? e.Pressure!.MaxZ : e.SpeakUp!.MaxZ);

    /// <summary>Bands of expected respondents per wave.</summary>
    public static string SizeBand(double expectedN) => expectedN switch
    {
        < 10 => "3-9",
        < 20 => "10-19",
        < 40 => "20-39",
        < 80 => "40-79",
        _ => "80+",
    };

    private static double SortKey(string dimension, PlantedEvent e, SimulatedHistory history) => dimension switch
    {
        "size" => e.Size,
        "respondents" => history.ExpectedN[e.Unit],
        "target" => e.Constructs.Count * 10 + (int)e.Constructs[0],
        _ => 0,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A scored unit-wave; TwoWaveZ is the strongest single- or two-wave z of either construct (the ablation without a model).</summary>
    private sealed record Case(string Unit, int Wave, TruthKind Truth, double ModelScore, double BaselineZ, double TwoWaveZ, double ImprovedConstructZ);
}
