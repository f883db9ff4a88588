namespace PulsePipeline.Models.Csv;

/// <summary>One data row of a CSV file, with the line it starts on and its fields by column name.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields)
{
    public int Line { get; } = line;

    public string this[string column] => fields[columns[column]];

    /// <summary>Whether the file has this column; only optional columns can be absent.</summary>
    public bool Has(string column) => columns.ContainsKey(column);
}
