namespace PulsePipeline.Models.Csv;

/// <summary>The raw fields of one record, the line it starts on, and what was wrong with its syntax.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, IReadOnlyList<string> Problems);
