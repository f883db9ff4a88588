using System.Diagnostics;
using Azure.Data.Tables;
using PulsePipeline.Lab.Simulation;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `pulse bench publish-detect`: publication of each of W closed waves of U units (the PublishWave step: copy the
/// tallies out of the wave's table, roll up, suppress, write the published rows, delete the wave's table), the last
/// of them holding a full wave's token rows and markers (81 employees a unit: 121,500 at 1,500 units), timed on its
/// own; then detection over all W published waves (the DetectShifts step); each against reading the same rows from
/// storage, in the same run, alternated: wave by wave for publication (the first wave warms up), in rounds for
/// detection. After publication no wave table may be left: the bench fails otherwise.
/// </summary>
internal static class PublishDetectBench
{
    public static async Task<int> RunAsync(int units, int waves, int rounds, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench publish-detect: {units} units, {waves} waves");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var employees = units * 81; // 121,000 / 1,500: the central government's average unit
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed, BenchSession.EmailDomain);
        var storage = session.Storage;
        var (ids, tokens, markers) = await HistorySeed.WriteAsync(storage, unitRows, staff, waves, seed, cancellationToken);
        Console.WriteLine($"  seeded {waves} closed waves of {units} units ({employees} employees)");

        var publications = await PublishAsync(session, ids, units, $"publish 1 full wave ({tokens} tokens, {markers} markers)", cancellationToken);
        var detections = await DetectAsync(session, ids, units, rounds, cancellationToken);
        Alternation.Report("publication vs raw reads and writes", publications, pipeline: 0, raw: 1);
        Alternation.Report("detection vs raw reads of its history", detections, pipeline: 1, raw: 0);
        return 0;
    }

    /// <summary>
    /// Publication is once per wave, so the rounds are waves: each wave is published by the step, then its rows are read
    /// and written again raw (the raw half needs the copied tallies). The first wave warms both up; the last is
    /// published alone, full size; then no wave's table may be left.
    /// </summary>
    private static async Task<IReadOnlyList<StageResult[]>> PublishAsync(BenchSession session, IReadOnlyList<string> ids, int units, string fullStage, CancellationToken cancellationToken)
    {
        var publish = session.Get<PublishWaveStep>();
        var publications = await Alternation.RunAsync(ids.Count - 2,
        [
            new("publish a wave (PublishWave step)", "units", async round =>
            {
                await publish.HandleAsync(QueueMessages.Serialize(new WaveMessage(ids[round])), cancellationToken);
                return units;
            }),
            new("raw: read tallies + write rows", "units", async round =>
            {
                await RawPublishAsync(session.Storage, ids[round], units, cancellationToken);
                return units;
            }),
        ]);
        var full = await Stage.RunAsync(fullStage, "units", async () =>
        {
            await publish.HandleAsync(QueueMessages.Serialize(new WaveMessage(ids[^1])), cancellationToken);
            return units;
        });
        Console.WriteLine($"    the full wave's publication took {full.Elapsed.TotalSeconds:0.0} s (target < 30 s)");
        foreach (var id in ids)
        {
            await WaveBench.CheckPrivacyAsync(session.Get<StorageClients>().Tables, session.Get<WaveStore>(), id, cancellationToken);
        }

        return publications;
    }

    /// <summary>Detection over the whole history by the step, alternated with reading the same rows raw.</summary>
    private static async Task<IReadOnlyList<StageResult[]>> DetectAsync(BenchSession session, IReadOnlyList<string> ids, int units, int rounds, CancellationToken cancellationToken)
    {
        var loading = Stopwatch.StartNew();
        var model = session.Get<ShiftModel>();
        Console.WriteLine($"    shipped shift model {model.Version} loaded in {loading.Elapsed.TotalSeconds:0.0} s (once per host start; not part of the detection time)");
        var detect = session.Get<DetectShiftsStep>();
        var history = session.Get<PublishedHistory>();
        return await Alternation.RunAsync(rounds,
        [
            new($"raw: read the {ids.Count} waves' rows", "rows", async _ =>
            {
                long rows = 0;
                foreach (var id in ids)
                {
                    rows += (await history.RowsAsync(id, cancellationToken)).Count;
                }

                return rows;
            }),
            new($"detect on {ids.Count} waves (DetectShifts)", "rows", async _ =>
            {
                await detect.HandleAsync(QueueMessages.Serialize(new WaveMessage(ids[^1])), cancellationToken);
                return (long)units * ids.Count;
            }),
        ]);
    }

    /// <summary>Reads a published wave's tallies and rows and writes the rows again, without the step: its irreducible storage work.</summary>
    private static async Task RawPublishAsync(PulseStorage storage, string id, int units, CancellationToken cancellationToken)
    {
        var tallies = await storage.Tallies.QueryAsync<TallyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).CountAsync(cancellationToken);
        var rows = await storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        if (tallies != units || rows.Count != units)
        {
            throw new InvalidOperationException($"wave {id}: {tallies} tallies and {rows.Count} published rows for {units} units");
        }

        await TableBatches.SubmitAsync(storage.Published, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
    }
}
