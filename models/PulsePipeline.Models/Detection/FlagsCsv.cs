using PulsePipeline.Models.Csv;

namespace PulsePipeline.Models.Detection;

/// <summary>Writes the flags of the `pulse detect` contract: <c>wave,unit,flagged,score,pressure_change,speakup_change,reasons</c>.</summary>
public static class FlagsCsv
{
    public static readonly IReadOnlyList<string> Columns = ["wave", "unit", "flagged", "score", "pressure_change", "speakup_change", "reasons"];

    public static void Write(TextWriter writer, IEnumerable<UnitFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var csv = new CsvWriter(writer);
        csv.WriteRow(Columns);
        foreach (var f in flags)
        {
            csv.WriteRow(
                CsvWriter.Text(f.Wave),
                CsvWriter.Text(f.Unit),
                f.Flagged ? "true" : "false",
                CsvWriter.Number(f.Score, "0.0000"),
                CsvWriter.Number(f.PressureChange, "0.000"),
                CsvWriter.Number(f.SpeakUpChange, "0.000"),
                CsvWriter.Text(f.ReasonText));
        }
    }
}
