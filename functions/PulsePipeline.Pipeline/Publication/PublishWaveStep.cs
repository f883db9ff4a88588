using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Publication;
using PulsePipeline.Models.Units;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Publication;

/// <summary>
/// Publishes a closed wave: copies the private tallies out of the wave's own table (<see cref="WaveArchive"/>), rolls
/// them up the wave's unit tree, applies k and secondary suppression (<see cref="Publisher"/>, the same code as
/// `pulse publish`), writes the published table, then deletes the wave's table, and with it every token row and
/// idempotency marker, in one call, and queues detection. A pure function of the tallies, so a rerun writes the same
/// rows. It waits while responses are still queued, so none arrives after it.
/// </summary>
public sealed class PublishWaveStep(
    PulseStorage storage,
    WaveStore waves,
    QueueSender queues,
    WaveArchive archive,
    IOptions<PulseOptions> options,
    ILogger<PublishWaveStep> logger)
{
    public const int MaxDeferrals = 240;
    public static readonly TimeSpan DeferDelay = TimeSpan.FromSeconds(15);

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = QueueMessages.Parse<WaveMessage>(message);
        var wave = await waves.GetAsync(request.WaveId, cancellationToken)
            ?? throw new MalformedMessageException("publication requested for a wave that does not exist");
        if (wave.State is WaveStates.Opening or WaveStates.Open)
        {
            throw new MalformedMessageException($"wave {wave.RowKey} is still open; it is published only after it closes");
        }

        if (await ResponsesPendingAsync(cancellationToken) is var pending and > 0)
        {
            if (request.Attempt < MaxDeferrals)
            {
                logger.LogInformation("Publication of wave {WaveId} waits: {Pending} responses still queued", wave.RowKey, pending);
                await queues.SendAsync(StorageNames.PublishQueue, request with { Attempt = request.Attempt + 1 }, cancellationToken, DeferDelay);
                return;
            }

            logger.LogError("Publishing wave {WaveId} with {Pending} responses still queued after waiting {Minutes} minutes; they will be poisoned as late", wave.RowKey, pending, MaxDeferrals * DeferDelay.TotalMinutes);
        }

        var instrument = Instruments.TryGet(wave.InstrumentVersion, out var known) ? known : throw new InvalidDataException($"wave {wave.RowKey} has an unknown instrument version");
        var units = await waves.UnitsAsync(wave.RowKey, cancellationToken);
        var tree = BuildTree(wave.RowKey, units);
        var tallies = await ReadTalliesAsync(wave, units, instrument, cancellationToken);
        var invited = units.ToDictionary(u => u.Unit, u => (long)u.Invited, StringComparer.Ordinal);
        var results = Publisher.Publish(tree, tallies, options.Value.K, invited);

        var byId = units.ToDictionary(u => u.Unit, StringComparer.Ordinal);
        await TableBatches.SubmitAsync(storage.Published, results.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(wave.RowKey, byId[r.UnitId], r))), cancellationToken);
        await archive.DeleteWaveTableAsync(wave, cancellationToken);

        if (wave.State != WaveStates.Published)
        {
            wave.State = WaveStates.Published;
            await waves.UpdateAsync(wave, cancellationToken);
        }

        await queues.SendAsync(StorageNames.DetectQueue, new WaveMessage(wave.RowKey), cancellationToken);
        logger.LogInformation("Wave {WaveId} published: {Published} of {Units} units published, {Respondents} respondents", wave.RowKey, results.Count(r => r.Published), results.Count, tallies.Values.Sum(t => t.N));
    }

    private async Task<int> ResponsesPendingAsync(CancellationToken cancellationToken) =>
        (await storage.Queue(StorageNames.ResponsesQueue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

    private static UnitTree BuildTree(string waveId, IReadOnlyList<WaveUnitEntity> units)
    {
        var problems = new List<CsvProblem>();
        return UnitTree.TryBuild(units.Select(u => new UnitLink(u.Unit, u.Parent)).ToList(), $"wave {waveId} units", problems)
            ?? throw new InvalidDataException(string.Join("; ", problems));
    }

    /// <summary>The wave's tallies by unit id (copied out of the wave's table first); only the snapshot's units count.</summary>
    private async Task<Dictionary<string, UnitTally>> ReadTalliesAsync(WaveEntity wave, IReadOnlyList<WaveUnitEntity> units, SurveyInstrument instrument, CancellationToken cancellationToken)
    {
        var known = units.Select(u => u.Unit).ToHashSet(StringComparer.Ordinal);
        var tallies = new Dictionary<string, UnitTally>(StringComparer.Ordinal);
        foreach (var row in await archive.TalliesAsync(wave, cancellationToken))
        {
            if (known.Contains(row.Unit))
            {
                tallies[row.Unit] = row.ToTally().ToUnitTally(instrument);
            }
        }

        return tallies;
    }

    private static PublishedEntity ToEntity(string waveId, WaveUnitEntity unit, PublishedUnit result)
    {
        ConstructFigures? Figures(Construct c) => result.Constructs.TryGetValue(c, out var f) ? f : null;
        return new PublishedEntity
        {
            PartitionKey = waveId,
            RowKey = TableKeys.Encode(result.UnitId),
            Name = unit.Name,
            Parent = unit.Parent,
            Published = result.Published,
            Withheld = result.Published ? "" : result.Suppression.ToString(),
            N = result.N,
            Invited = result.Invited,
            ResponseRate = result.ResponseRate,
            PressureMean = Figures(Construct.Pressure)?.Mean,
            PressureSd = Figures(Construct.Pressure)?.StandardDeviation,
            SpeakUpMean = Figures(Construct.SpeakUp)?.Mean,
            SpeakUpSd = Figures(Construct.SpeakUp)?.StandardDeviation,
            NormsMean = Figures(Construct.Norms)?.Mean,
            NormsSd = Figures(Construct.Norms)?.StandardDeviation,
            Items = result.Published ? JsonSerializer.Serialize(result.ItemDistributions) : "",
        };
    }
}
