namespace PulsePipeline.Models.Csv;

/// <summary>A parsed CSV file: its rows and every problem found while reading it.</summary>
public sealed record CsvDocument(string Source, IReadOnlyList<CsvRow> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
