namespace PulsePipeline.Models.Csv;

/// <summary>A parsed CSV file: its rows and every problem found while reading it.</summary>
public sealed record CsvDocument(string Source, IReadOnlyList<CsvRow> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>The separator the header line uses (',', ';' or a tab); see <see cref="CsvNumbers"/> for what it means for numbers.</summary>
    public char Separator { get; init; } = ',';
}
