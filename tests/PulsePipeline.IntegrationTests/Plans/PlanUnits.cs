using System.Globalization;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Plans;

/// <summary>
/// Units a plan test can draw from: a roster of two directorates (dir1, dir2) of six units each under "min", and a
/// published wave 2027-01-01 with their tree, their respondents (unit i has 4·i, so size bands differ) and a flag on
/// every unit but the last of each directorate.
/// </summary>
internal static class PlanUnits
{
    public const string Wave = "2027-01-01";

    public static IReadOnlyList<string> All { get; } = [.. Enumerable.Range(1, 12).Select(Unit)];

    public static IReadOnlyList<string> Flagged { get; } = [.. All.Where(u => u is not "dir1/afd 06" and not "dir2/afd 12")];

    public static string Unit(int i) => string.Create(CultureInfo.InvariantCulture, $"dir{(i <= 6 ? 1 : 2)}/afd {i:D2}");

    /// <param name="wave">The published wave's id (a test served by the real clock picks one just before the schedule's next wave).</param>
    public static async Task CreateAsync(TestPipeline pipeline, string wave = Wave)
    {
        var units = "unit,parent,name\nmin,,Ministerie\ndir1,min,Directie 1\ndir2,min,Directie 2\n" + string.Concat(All.Select(u => $"{u},{u[..4]},{u}\n"));
        await pipeline.ImportAsync(units, $"employee_id,email,language,unit\ne1,e1@{pipeline.EmailDomain},nl,{All[0]}\n");
        var now = DateTimeOffset.UtcNow;
        var storage = pipeline.Storage;
        await storage.Waves.AddEntityAsync(new WaveEntity { PartitionKey = WaveEntity.Partition, RowKey = wave, State = WaveStates.Published, OpensAt = now, ClosesAt = now });
        var tree = new[] { ("min", ""), ("dir1", "min"), ("dir2", "min") }.Concat(All.Select(u => (u, u[..4])));
        foreach (var (unit, parent) in tree)
        {
            await storage.WaveUnits.AddEntityAsync(new WaveUnitEntity { PartitionKey = wave, RowKey = TableKeys.Encode(unit), Parent = parent, Name = unit, Invited = 50 });
        }

        for (var i = 1; i <= All.Count; i++)
        {
            var unit = Unit(i);
            await storage.Published.AddEntityAsync(new PublishedEntity { PartitionKey = wave, RowKey = TableKeys.Encode(unit), Published = true, N = 4 * i, PressureMean = 2.3, PressureSd = 0.7, SpeakUpMean = 3.3, SpeakUpSd = 0.8 });
            await storage.Flags.AddEntityAsync(new FlagEntity { PartitionKey = wave, RowKey = TableKeys.Encode(unit), Flagged = Flagged.Contains(unit) });
        }
    }
}
