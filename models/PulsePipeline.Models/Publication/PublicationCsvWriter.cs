using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Publication;

/// <summary>Writes published.csv of the `pulse publish` contract: one row per unit, suppressed rows without figures.</summary>
public static class PublicationCsvWriter
{
    public static readonly IReadOnlyList<string> Columns = ["unit", "published", "n", "pressure_mean", "pressure_sd", "speakup_mean", "speakup_sd"];

    public static void Write(IEnumerable<PublishedUnit> units, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(units);
        var csv = new CsvWriter(writer);
        csv.WriteRow(Columns);
        foreach (var unit in units)
        {
            var pressure = Figures(unit, Construct.Pressure);
            var speakUp = Figures(unit, Construct.SpeakUp);
            csv.WriteRow(
                CsvWriter.Text(unit.UnitId),
                unit.Published ? "true" : "false",
                CsvWriter.Number(unit.N),
                CsvWriter.Number(pressure?.Mean),
                CsvWriter.Number(pressure?.StandardDeviation),
                CsvWriter.Number(speakUp?.Mean),
                CsvWriter.Number(speakUp?.StandardDeviation));
        }
    }

    private static ConstructFigures? Figures(PublishedUnit unit, Construct construct) =>
        unit.Constructs.TryGetValue(construct, out var figures) ? figures : null;
}
