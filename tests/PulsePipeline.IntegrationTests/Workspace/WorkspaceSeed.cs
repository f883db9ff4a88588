using System.Text.Json;
using Azure.Data.Tables;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// A small published history in one test's storage prefix: a tree of HR-style ids (org paths with '/', spaces,
/// accents) and hostile names, twelve published waves of rows as publication writes them (units withheld for fewer
/// than k respondents, to stop subtraction, and once by a publication that did not record why; item counts per
/// answer), two planted shifts in the last waves (the team's pressure rise moves its directorate-general by its share,
/// so that flag is explained by the team's), and the flags the real DetectShiftsStep stores for each wave. Only
/// published tables are written: the workspace must need nothing else.
/// </summary>
internal static class WorkspaceSeed
{
    public const string Root = "Rijk";
    public const string Shifted = "BZK/DGOO/Directie Arbeidszaken/Team Ä.1";
    public const string SometimesSuppressed = "FIN/Toeslagen/Team 3";
    public const string ShiftedParent = "BZK/DGOO";
    public const string Secondary = "BZK/DGDOB";
    public const string ScriptName = "<script>alert('x')</script> Team";
    public const string ImageName = "<img src=x onerror=alert(1)> Bureau";
    public const string BidiName = "Team \u202Egnirednoo\u202C Noord";
    public const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"klik\")";

    public static IReadOnlyList<string> Waves { get; } = [.. Enumerable.Range(1, 12).Select(i => $"2027-{i:00}")];

    /// <summary>(id, parent, name) in tree order.</summary>
    public static IReadOnlyList<(string Id, string Parent, string Name)> Units { get; } =
    [
        (Root, "", "Rijksoverheid"),
        ("BZK", Root, "Ministerie van Binnenlandse Zaken"),
        ("BZK/DGOO", "BZK", "DG Overheidsorganisatie"),
        (Shifted, "BZK/DGOO", "Team Ä.1 Arbeidszaken"),
        ("BZK/DGOO/Directie Arbeidszaken/Team B.2", "BZK/DGOO", ScriptName),
        ("BZK/DGDOB", "BZK", ImageName),
        ("FIN", Root, "Ministerie van Financiën"),
        ("FIN/Belastingdienst", "FIN", "Belastingdienst"),
        ("FIN/Belastingdienst/Team 1", "FIN/Belastingdienst", BidiName),
        ("FIN/Toeslagen", "FIN", "Dienst Toeslagen"),
        (SometimesSuppressed, "FIN/Toeslagen", FormulaName),
        ("JenV", Root, "Ministerie van Justitie en Veiligheid"),
        ("JenV/DJI", "JenV", "Dienst Justitiële Inrichtingen"),
        ("JenV/DJI/PI Zwolle", "JenV/DJI", "PI Zwolle"),
        .. Enumerable.Range(1, 6).Select(i => ($"BZK/DGOO/Team {i}", "BZK/DGOO", $"Team {i} Organisatieontwikkeling")),
    ];

    public static async Task WriteAsync(TestPipeline pipeline)
    {
        var storage = pipeline.Storage;
        var random = new Random(20270101);
        var baseN = Units.ToDictionary(u => u.Id, u => u.Parent.Length == 0 ? 400 : !u.Id.Contains('/', StringComparison.Ordinal) ? 120 : random.Next(12, 60), StringComparer.Ordinal);
        (baseN[Shifted], baseN[ShiftedParent]) = (30, 60);
        var basePressure = Units.ToDictionary(u => u.Id, _ => 1.8 + random.NextDouble() * 0.5, StringComparer.Ordinal);
        var baseSpeakUp = Units.ToDictionary(u => u.Id, _ => 3.4 + random.NextDouble() * 0.5, StringComparer.Ordinal);

        var rows = new List<TableTransactionAction>();
        for (var w = 0; w < Waves.Count; w++)
        {
            foreach (var (id, parent, name) in Units)
            {
                var withheld = Withheld(id, w);
                var n = baseN[id] + random.Next(-3, 4);
                var shift = w >= Waves.Count - 2 ? id == Shifted ? 1.3 : id == ShiftedParent ? 0.65 : 0 : 0;
                var pressure = basePressure[id] + random.NextDouble() * 0.1 + shift;
                var speakUp = baseSpeakUp[id] + random.NextDouble() * 0.1 - (id == "FIN/Belastingdienst" && w == Waves.Count - 1 ? 1.1 : 0);
                rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, withheld is not null
                    ? new PublishedEntity { PartitionKey = Waves[w], RowKey = TableKeys.Encode(id), Name = name, Parent = parent, Published = false, Withheld = withheld }
                    : new PublishedEntity
                    {
                        PartitionKey = Waves[w],
                        RowKey = TableKeys.Encode(id),
                        Name = name,
                        Parent = parent,
                        Published = true,
                        N = n,
                        Invited = n * 3 / 2,
                        ResponseRate = n / (double)(n * 3 / 2),
                        PressureMean = pressure,
                        PressureSd = 0.55 + random.NextDouble() * 0.1,
                        SpeakUpMean = speakUp,
                        SpeakUpSd = 0.6 + random.NextDouble() * 0.1,
                        NormsMean = 3.8 + random.NextDouble() * 0.2,
                        NormsSd = 0.5,
                        Items = JsonSerializer.Serialize(Instruments.Current.Items.ToDictionary(i => i.Id, _ => Counts(random, n))),
                    }));
            }
        }

        foreach (var wave in Waves)
        {
            await storage.Waves.UpsertEntityAsync(new WaveEntity
            {
                PartitionKey = WaveEntity.Partition,
                RowKey = wave,
                State = WaveStates.Published,
                InstrumentVersion = Instruments.Current.Version,
                OpensAt = DateTimeOffset.Parse(wave + "-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                ClosesAt = DateTimeOffset.Parse(wave + "-15T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        await TableBatches.SubmitAsync(storage.Published, rows, CancellationToken.None);
        foreach (var wave in Waves)
        {
            await pipeline.Get<DetectShiftsStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage(wave)), CancellationToken.None);
        }
    }

    /// <summary>
    /// Why a unit is withheld in a wave (null: published): a publication from before reasons were stored (empty), fewer
    /// than k respondents in the last wave, and secondary suppression the wave before.
    /// </summary>
    private static string? Withheld(string unit, int wave) =>
        unit == SometimesSuppressed && wave == 2 ? ""
        : unit == SometimesSuppressed && wave == Waves.Count - 1 ? nameof(SuppressionReason.FewerThanK)
        : unit == Secondary && wave == Waves.Count - 2 ? nameof(SuppressionReason.Secondary)
        : null;

    /// <summary>Counts of answers 1..5 that add up to n.</summary>
    private static long[] Counts(Random random, int n)
    {
        var counts = new long[5];
        for (var i = 0; i < n; i++)
        {
            counts[Math.Min(4, (int)(random.NextDouble() * random.NextDouble() * 5 + random.Next(0, 2)))]++;
        }

        return counts;
    }
}
