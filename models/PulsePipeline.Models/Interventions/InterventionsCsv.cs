using PulsePipeline.Models.Csv;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// interventions.csv: the `pulse effects` contract's columns unit,intervention,start_wave, plus the registry's
/// optional id,status,owner,notes and the rollout plan a member belongs to (plan), so an export feeds `pulse effects --interventions` as it is and imports back
/// unchanged. Ids and text are written exactly as stored, formula-neutralised (<see cref="CsvWriter.Text"/>), and
/// read back through <see cref="CsvWriter.FromText"/>, so an export → import round trip is the identity.
/// </summary>
public static class InterventionsCsv
{
    public static readonly IReadOnlyList<string> Columns = [InterventionFields.Unit, InterventionFields.Type, InterventionFields.StartWave];

    public static readonly IReadOnlyList<string> OptionalColumns = [InterventionFields.Id, InterventionFields.Status, InterventionFields.Owner, InterventionFields.Notes, InterventionFields.Plan];

    /// <summary>Room for over-long notes to be read and refused by the notes rule, with its clearer message.</summary>
    public const int MaxFieldLength = 4 * InterventionRules.MaxNotesLength;

    public static CsvDocument Read(Stream stream, string source) =>
        CsvReader.Read(stream, source, Columns, MaxFieldLength, OptionalColumns);

    public static CsvDocument Read(TextReader reader, string source) =>
        CsvReader.Read(reader, source, Columns, MaxFieldLength, OptionalColumns);

    /// <summary>
    /// The rows of a parsed file. Fields other than notes are trimmed (a space after a comma is not part of an id);
    /// notes are kept as written. What the rows mean is decided by <see cref="InterventionImport"/>.
    /// </summary>
    public static IReadOnlyList<InterventionCsvRow> Rows(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Rows.Select(row => new InterventionCsvRow(
            row.Line,
            Optional(row, InterventionFields.Id)?.Trim(),
            Value(row[InterventionFields.Unit].Trim()),
            row[InterventionFields.Type].Trim(),
            row[InterventionFields.StartWave].Trim(),
            Optional(row, InterventionFields.Status)?.Trim(),
            Optional(row, InterventionFields.Owner) is { } owner ? Value(owner.Trim()) : null,
            Optional(row, InterventionFields.Notes) is { } notes ? Value(notes) : null,
            Optional(row, InterventionFields.Plan) is { } plan ? Value(plan.Trim()) : null)).ToList();
    }

    /// <summary>Every intervention with every column, in the order given.</summary>
    public static void Write(TextWriter output, IEnumerable<InterventionRecord> interventions)
    {
        ArgumentNullException.ThrowIfNull(interventions);
        var csv = new CsvWriter(output);
        csv.WriteRow([.. Columns, .. OptionalColumns]);
        foreach (var i in interventions)
        {
            csv.WriteRow(
                CsvWriter.Text(i.Unit),
                CsvWriter.Text(i.Type),
                CsvWriter.Text(i.StartWave),
                CsvWriter.Text(i.Id),
                CsvWriter.Text(i.Status),
                CsvWriter.Text(i.Owner),
                CsvWriter.Text(i.Notes),
                CsvWriter.Text(i.Plan));
        }
    }

    private static string? Optional(CsvRow row, string column) => row.Has(column) ? row[column] : null;

    private static string Value(string field) => CsvWriter.FromText(field);
}
