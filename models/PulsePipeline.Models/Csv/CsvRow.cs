namespace PulsePipeline.Models.Csv;

/// <summary>One data row of a CSV file, with the line it starts on and its fields by column name.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    public string this[string column] => fields[columns[column]];
}
