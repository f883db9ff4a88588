using PulsePipeline.Models.Csv;

namespace PulsePipeline.Cli.Commands;

/// <summary>Opens a CSV contract's file for the domain's reader, which does no I/O: a missing file is a problem like any other.</summary>
internal static class CsvFile
{
    public static CsvDocument Read(string path, IReadOnlyList<string> columns, int maxFieldLength = CsvReader.DefaultMaxFieldLength, IReadOnlyList<string>? optionalColumns = null) =>
        Open(path, (stream, source) => CsvReader.Read(stream, source, columns, maxFieldLength, optionalColumns));

    /// <summary>Hands the open file and its name to <paramref name="read"/>, or returns the one problem "file not found".</summary>
    public static CsvDocument Open(string path, Func<Stream, string, CsvDocument> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var source = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new CsvDocument(source, [], [new CsvProblem(source, 0, $"file not found: {path}")]);
        }

        using var stream = File.OpenRead(path);
        return read(stream, source);
    }
}
