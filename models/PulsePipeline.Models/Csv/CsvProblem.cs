namespace PulsePipeline.Models.Csv;

/// <summary>Something wrong in an input file, with the 1-based line it starts on (0 when it concerns the whole file).</summary>
public sealed record CsvProblem(string Source, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{Source}:{Line}: {Message}" : $"{Source}: {Message}";
}
