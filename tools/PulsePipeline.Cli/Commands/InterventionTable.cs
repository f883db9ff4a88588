using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Cli.Commands;

/// <summary>The registry as a readable table for `pulse interventions list`: one line per intervention, long text shortened.</summary>
internal static class InterventionTable
{
    private static readonly string[] Headers = ["ID", "UNIT", "TYPE", "START", "STATUS", "OWNER", "NOTES"];
    private static readonly int[] MaxWidths = [20, 48, 20, 12, 8, 24, 50];

    public static void Write(TextWriter output, IReadOnlyList<InterventionRecord> interventions)
    {
        var rows = interventions
            .Select(i => new[] { i.Id, i.Unit, i.Type, i.StartWave, i.Status, i.Owner, i.Notes })
            .Select(cells => cells.Select((c, k) => TerminalText.Cell(c, MaxWidths[k])).ToArray())
            .ToList();
        var widths = Headers.Select((h, k) => rows.Select(r => r[k].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Line(Headers, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, k) => k == cells.Length - 1 ? c : c.PadRight(widths[k]))).TrimEnd();
}
