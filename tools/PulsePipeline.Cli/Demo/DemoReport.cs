using System.Globalization;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Cli.Demo;

/// <summary>Prints a published wave as IPIM would first look at it: the top of the tree, and how much was suppressed.</summary>
internal static class DemoReport
{
    public static void PrintPublished(IReadOnlyList<PublishedEntity> rows, int levels)
    {
        var byId = rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        int Depth(PublishedEntity r) => r.Parent.Length == 0 ? 0 : 1 + Depth(byId[r.Parent]);
        var suppressed = rows.Count(r => !r.Published);

        Console.WriteLine($"  {"unit",-36} {"n",5} {"rate",5}  {"pressure",-13} {"speak-up",-13}");
        foreach (var row in rows.Where(r => Depth(r) < levels).OrderBy(r => Path(r, byId), StringComparer.Ordinal))
        {
            var name = new string(' ', 2 * Depth(row)) + row.Name;
            name = name.Length > 36 ? name[..35] + "…" : name;
            Console.WriteLine(row.Published
                ? $"  {name,-36} {row.N,5} {Percent(row.ResponseRate),5}  {Figure(row.PressureMean, row.PressureSd),-13} {Figure(row.SpeakUpMean, row.SpeakUpSd),-13}"
                : $"  {name,-36} {"suppressed (fewer than k, or to stop subtraction)"}");
        }

        Console.WriteLine($"  {suppressed} of {rows.Count} units suppressed; every published figure rests on at least k respondents.");
    }

    private static string Path(PublishedEntity row, Dictionary<string, PublishedEntity> byId) =>
        row.Parent.Length == 0 ? row.RowKey : Path(byId[row.Parent], byId) + "/" + row.RowKey;

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";

    private static string Figure(double? mean, double? sd) =>
        mean is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.00} sd {sd ?? 0:0.00}") : "-";
}
