using System.Globalization;
using System.Text;

namespace PulsePipeline.Lab.Detection;

/// <summary>Prints an evaluation report as the plain-text table `pulse evaluate` shows and the docs quote.</summary>
public static class EvaluationText
{
    private const int LabelWidth = 38, ColumnWidth = 21;

    public static string Format(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = report.History;
        var s = h.Settings;
        var published = h.Rows.Where(r => r.IsPublished).Select(r => r.N!.Value).Order().ToArray();
        var events = h.Events.GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count());
        var text = new StringBuilder();
        Line(text, $"simulation: {s.Units} units x {s.Waves} waves, seed {s.Seed} (simulator v{HistorySimulator.Version}); {h.Rows.Count} unit-wave rows, {1 - (double)published.Length / h.Rows.Count:0.0%} suppressed (fewer than {s.SuppressBelow} respondents)");
        Line(text, $"respondents per published unit-wave: 10th percentile {Percentile(published, 0.1)}, median {Percentile(published, 0.5)}, 90th percentile {Percentile(published, 0.9)}, max {published[^1]}");
        Line(text, $"calibration: {h.SharePressured:0.0%} agree they are pressured to break rules (2018 panel: 11.5%); {h.ShareInhibited:0.0%} would not feel free to report (2018: 23.9%)");
        Line(text, $"planted: {events.GetValueOrDefault(PlantedKind.Shift)} persistent adverse shifts ({string.Join("/", s.ShiftSizes.Select(x => x.ToString("0.0", CultureInfo.InvariantCulture)))} in pressure, speak-up or both), {events.GetValueOrDefault(PlantedKind.Improvement)} improvements, {events.GetValueOrDefault(PlantedKind.ParticipationDrop)} participation drops; organisation-wide shift (pressure +{s.OrganisationPressureRise:0.0#}, speak-up -{s.OrganisationSpeakUpFall:0.0#}) from wave {h.Waves[h.OrganisationWave]}");
        Line(text, $"model: {report.ModelVersion}");
        text.Append('\n');
        var columns = new[] { report.Model, report.Baseline, report.MatchedBaseline, report.TwoWaveTest };
        Row(text, "", ["model", "baseline", "baseline@model FAR", "2-wave z@model FAR"]);
        Row(text, "threshold", columns.Select(c => c.Threshold));
        Row(text, "false alarms, unchanged unit-waves", columns.Select(c => Rate(c.FalseAlarms, c.UnchangedUnitWaves)));
        Row(text, "false alarms, organisation-wide wave", columns.Select(c => Rate(c.OrganisationWaveFalseAlarms, c.OrganisationWaveUnits)));
        Row(text, "improvements flagged (per unit-wave)", columns.Select(c => Rate(c.ImprovementsFlagged, c.ImprovementUnitWaves)));
        Row(text, "  of which on the improved construct", columns.Select(c => Rate(c.ImprovementsFlaggedOnImprovedConstruct, c.ImprovementUnitWaves)));
        foreach (var cell in report.Model.Recall)
        {
            var label = cell.Dimension switch
            {
                "all" => "recall, all shifts",
                "size" => $"recall, shift of {cell.Group}",
                "respondents" => $"recall, {cell.Group} respondents",
                _ => $"recall, {cell.Group}",
            };
            Row(text, label, columns.Select(c => Rate(c.Recall.Single(r => r.Dimension == cell.Dimension && r.Group == cell.Group))));
        }

        text.Append('\n');
        Line(text, $"organisation level, wave {report.OrganisationWaveChange.Wave}: {report.OrganisationWaveChange.Description}");
        Line(text, $"organisation level, other waves reported as significant: {report.OtherWavesWithSignificantOrganisationChange}");
        Line(text, $"model: ML.NET logistic regression over the unit-wave features; threshold calibrated in training on a separate simulation (its target false-alarm rate ends the version)");
        Line(text, $"baseline: one-sided z-test of this wave's change vs own history, organisation-wide change taken out, either construct, fixed threshold (0.8% in theory)");
        Line(text, $"@model FAR: threshold set on this run's unchanged unit-waves so that the false-alarm rate is at most the model's ({report.Model.FalseAlarmRate:0.00%}): the fair comparison of recall");
        Line(text, $"2-wave z (ablation, no ML): the strongest single- or two-wave z of either construct");
        text.Append('\n');
        foreach (var target in report.Targets)
        {
            Line(text, $"[{(target.Met ? "met" : "MISSED")}] {target.Description}");
        }

        Line(text, $"result: {(report.Passed ? "all targets met" : "TARGETS MISSED")}");
        return text.ToString();
    }

    private static string Rate(RecallCell c) => Rate(c.Found, c.Planted);

    private static string Rate(int k, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{(n == 0 ? 0 : (double)k / n),7:0.00%} ({k}/{n})");

    private static int Percentile(int[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    private static void Row(StringBuilder text, string label, IEnumerable<string> cells) =>
        text.Append(label.PadRight(LabelWidth)).Append(string.Concat(cells.Select(c => c.PadRight(ColumnWidth)))).Append('\n');

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
