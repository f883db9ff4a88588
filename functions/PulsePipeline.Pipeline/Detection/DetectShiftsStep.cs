using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Detection;

/// <summary>
/// After a wave is published: runs the shift detector over the published history up to that wave (the same code
/// as `pulse detect`), stores a flag row per unit and the organisation-level change, and queues the effect estimation (which then
/// queues the IPIM alert).
/// Deterministic, so a redelivered message writes the same rows.
/// </summary>
public sealed class DetectShiftsStep(
    PulseStorage storage,
    WaveStore waves,
    PublishedHistory history,
    ShiftModel model,
    QueueSender queues,
    ILogger<DetectShiftsStep> logger)
{
    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = QueueMessages.Parse<WaveMessage>(message);
        var wave = await waves.GetAsync(request.WaveId, cancellationToken);
        if (wave?.State != WaveStates.Published)
        {
            throw new MalformedMessageException("detection runs only on a published wave");
        }

        var result = ShiftDetector.Detect(await history.HistoryUpToAsync(wave.RowKey, cancellationToken), model);
        var flags = result.FlagsFor(wave.RowKey);
        var organisation = result.OrganisationFor(wave.RowKey);
        var rows = flags.Select(f => ToEntity(f, result.ModelVersion)).Append(new FlagEntity
        {
            PartitionKey = wave.RowKey,
            RowKey = FlagEntity.OrganisationRow,
            Status = OrganisationStatuses.Of(organisation),
            Flagged = organisation.Significant && organisation.Adverse,
            N = organisation.Units,
            PressureChange = organisation.PressureChange,
            PressureUncertainty = organisation.PressureUncertainty,
            SpeakUpChange = organisation.SpeakUpChange,
            SpeakUpUncertainty = organisation.SpeakUpUncertainty,
            Reasons = organisation.Description,
            ModelVersion = result.ModelVersion,
        });
        await TableBatches.SubmitAsync(storage.Flags, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
        await queues.SendAsync(StorageNames.EffectsQueue, new WaveMessage(wave.RowKey), cancellationToken);
        logger.LogInformation("Wave {WaveId}: {Flagged} of {Units} units flagged by model {ModelVersion}; organisation-level change: {Organisation}", wave.RowKey, flags.Count(f => f.Flagged), flags.Count, result.ModelVersion, organisation.Significant ? organisation.Description : OrganisationStatuses.None);
    }

    private static FlagEntity ToEntity(UnitFlag flag, string modelVersion) => new()
    {
        PartitionKey = flag.Wave,
        RowKey = TableKeys.Encode(flag.Unit),
        Status = flag.Status.ToString(),
        Flagged = flag.Flagged,
        Score = flag.Score,
        N = flag.N,
        PressureChange = flag.PressureChange,
        PressureUncertainty = flag.PressureUncertainty,
        SpeakUpChange = flag.SpeakUpChange,
        SpeakUpUncertainty = flag.SpeakUpUncertainty,
        Reasons = flag.ReasonText,
        ReasonData = ReasonJson.Write(flag.Reasons),
        ModelVersion = modelVersion,
    };
}
