namespace PulsePipeline.Models.Csv;

/// <summary>One data row of a CSV file, with the line it starts on and its fields by column name.</summary>
public sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> fields, char separator = ',')
{
    public int Line { get; } = line;

    /// <summary>The file's separator, which decides whether a decimal comma is a number (<see cref="CsvNumbers"/>).</summary>
    public char Separator { get; } = separator;

    public string this[string column] => fields[columns[column]];

    /// <summary>Whether the file has this column; only optional columns can be absent.</summary>
    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The column's value as a number, written as <see cref="CsvNumbers"/> accepts for this file.</summary>
    public bool TryNumber(string column, out decimal value) => CsvNumbers.TryParse(this[column], Separator, out value);
}
