using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Simulation;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Cli.Bench;

/// <summary>
/// `pulse bench publish-detect`: publication of each of W closed waves of U units (the PublishWave step: copy the
/// tallies out of the wave's table, roll up, suppress, write the published rows, delete the wave's table), the last
/// of them holding a full wave's token rows and markers (81 employees a unit: 121,500 at 1,500 units), timed on its
/// own; then detection over all W published waves (the DetectShifts step); each against reading the same rows from
/// storage, in the same run. After publication no wave table may be left: the bench fails otherwise.
/// </summary>
internal static class PublishDetectBench
{
    public static async Task<int> RunAsync(int units, int waves, int seed, CancellationToken cancellationToken)
    {
        BenchOutput.Heading($"pulse bench publish-detect: {units} units, {waves} waves");
        await using var session = await BenchSession.StartAsync(cancellationToken);
        var employees = units * 81; // 121,000 / 1,500: the central government's average unit
        var (unitRows, staff) = SimulatedOrganisation.Create(employees, units, seed, BenchSession.EmailDomain);
        var storage = session.Storage;
        var (ids, tokens, markers) = await HistorySeed.WriteAsync(storage, unitRows, staff, waves, seed, cancellationToken);
        Console.WriteLine($"  seeded {waves} closed waves of {units} units ({employees} employees)");

        var publish = session.Get<PublishWaveStep>();
        var published = await Stage.RunAsync($"publish {waves - 1} waves (PublishWave step)", "units", async () =>
        {
            var times = new List<string>();
            foreach (var id in ids.SkipLast(1))
            {
                var clock = Stopwatch.StartNew();
                await publish.HandleAsync(QueueMessages.Serialize(new WaveMessage(id)), cancellationToken);
                times.Add(clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            }

            Console.WriteLine($"    per wave (s): {string.Join(' ', times)}");

            return (long)units * (waves - 1);
        });
        var full = await Stage.RunAsync($"publish 1 full wave ({tokens} tokens, {markers} markers)", "units", async () =>
        {
            await publish.HandleAsync(QueueMessages.Serialize(new WaveMessage(ids[^1])), cancellationToken);
            return units;
        });
        Console.WriteLine($"    the full wave's publication took {full.Elapsed.TotalSeconds:0.0} s (target < 30 s)");
        foreach (var id in ids)
        {
            await WaveBench.CheckPrivacyAsync(storage, session.Get<WaveStore>(), id, cancellationToken);
        }

        // Read the tallies and write the published rows again, without the step: its irreducible storage work.
        var rawPublish = await Stage.RunAsync($"raw: read tallies + write rows", "units", async () =>
        {
            foreach (var id in ids)
            {
                var tallies = await storage.Tallies.QueryAsync<TallyEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).CountAsync(cancellationToken);
                var rows = await storage.Published.QueryAsync<PublishedEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
                if (tallies != units || rows.Count != units)
                {
                    throw new InvalidOperationException($"wave {id}: {tallies} tallies and {rows.Count} published rows for {units} units");
                }

                await TableBatches.SubmitAsync(storage.Published, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
            }

            return (long)units * waves;
        });

        var training = Stopwatch.StartNew();
        await session.Get<ShiftModelStore>().GetAsync(cancellationToken);
        Console.WriteLine($"    shift model trained and stored in {training.Elapsed.TotalSeconds:0.0} s (once per deployment; not part of the detection time)");
        var detect = session.Get<DetectShiftsStep>();
        var detected = await Stage.RunAsync($"detect on {waves} waves (DetectShifts)", "rows", async () =>
        {
            await detect.HandleAsync(QueueMessages.Serialize(new WaveMessage(ids[^1])), cancellationToken);
            return (long)units * waves;
        });
        var history = session.Get<PublishedHistory>();
        var rawRead = await Stage.RunAsync($"raw: read the {waves} waves' rows", "rows", async () =>
        {
            long rows = 0;
            foreach (var id in ids)
            {
                rows += (await history.RowsAsync(id, cancellationToken)).Count;
            }

            return rows;
        });

        BenchOutput.Ratio("publication vs raw reads and writes", published.Rate, rawPublish.Rate);
        BenchOutput.Ratio("detection vs raw reads of its history", detected.Rate, rawRead.Rate);
        return 0;
    }
}
