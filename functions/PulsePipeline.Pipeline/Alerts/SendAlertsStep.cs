using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PulsePipeline.Models.Alerts;
using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Messages;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Email;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Alerts;

/// <summary>
/// Emails IPIM one digest per wave: the organisation-level change, and each finding (a flagged unit whose flag no
/// flagged unit below it explains, <see cref="FlagFindings"/>) with its path, whether it is new or since when, what
/// moved, n, a short trend and suggested interventions. A finding flagged in the previous wave too is raised again
/// only when it has worsened since it was last raised; otherwise it is named among those still flagged. The digest row is claimed before sending and marked sent
/// after, so a redelivered message sends nothing twice. Without news, no digest (unless PULSE_DIGEST_WHEN_QUIET).
/// </summary>
public sealed class SendAlertsStep(
    PulseStorage storage,
    WaveStore waves,
    PublishedHistory history,
    DigestBuilder builder,
    IMailSender mail,
    IOptions<PulseOptions> options,
    ILogger<SendAlertsStep> logger)
{
    /// <summary>
    /// A unit still flagged is raised again only when a construct's published mean moved further the adverse way
    /// since it was last raised by more than noise: z ≥ 1.96 on the difference of the two means.
    /// </summary>
    public const double WorseningZ = 1.96;

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var request = QueueMessages.Parse<WaveMessage>(message);
        var wave = await waves.GetAsync(request.WaveId, cancellationToken);
        if (wave?.State != WaveStates.Published)
        {
            throw new MalformedMessageException("alerts are sent only for a published wave");
        }

        var marker = await storage.Alerts.GetEntityIfExistsAsync<AlertEntity>(wave.RowKey, AlertEntity.DigestRow, cancellationToken: cancellationToken);
        if (marker.HasValue && marker.Value!.State == AlertEntity.Sent)
        {
            logger.LogInformation("The digest of wave {WaveId} was already sent", wave.RowKey);
            return;
        }

        var flags = await FlagsAsync(wave.RowKey, cancellationToken);
        if (flags.Count == 0)
        {
            throw new MalformedMessageException($"wave {wave.RowKey} has no flags: detection has not run for it");
        }

        var waveIds = await history.WavesUpToAsync(wave.RowKey, cancellationToken);
        var published = (await history.RowsAsync(wave.RowKey, cancellationToken)).ToDictionary(p => p.RowKey, StringComparer.Ordinal);
        var (raised, still) = await ToRaiseAsync(wave.RowKey, waveIds, flags, published, cancellationToken);
        await RecordRaisedAsync(wave.RowKey, raised.Select(r => published[r.Flag.RowKey]), cancellationToken);

        var digest = await builder.BuildAsync(wave.RowKey, waveIds, flags, raised, still, cancellationToken);
        if (!digest.HasNews && !options.Value.DigestWhenQuiet)
        {
            await MarkAsync(wave.RowKey, AlertEntity.Sent, cancellationToken);
            logger.LogInformation("Wave {WaveId}: nothing flagged, no digest sent", wave.RowKey);
            return;
        }

        await SendAsync(wave.RowKey, digest, cancellationToken);
        logger.LogInformation("Wave {WaveId}: IPIM digest sent with {Raised} unit(s) raised and {Still} still flagged", wave.RowKey, raised.Count, still.Count);
    }

    /// <summary>
    /// The findings to raise, each with the wave it has been flagged since; a finding flagged before and raised
    /// since without worsening is only named among those still flagged.
    /// </summary>
    private async Task<(List<RaisedFlag> Raised, List<RaisedFlag> Still)> ToRaiseAsync(string waveId, IReadOnlyList<string> waveIds, Dictionary<string, FlagEntity> flags, Dictionary<string, PublishedEntity> published, CancellationToken cancellationToken)
    {
        var findings = FlagFindings.Group([.. published.Values.Select(p => Point(p, flags.GetValueOrDefault(p.RowKey)))]);
        var since = await FlagRuns.SinceAsync(waveIds, findings.Select(f => f.Unit), async (w, unit) =>
            (await storage.Flags.GetEntityIfExistsAsync<FlagEntity>(w, TableKeys.Encode(unit), cancellationToken: cancellationToken)) is { HasValue: true } row ? row.Value!.Flagged : null);
        var raised = new List<RaisedFlag>();
        var still = new List<RaisedFlag>();
        foreach (var finding in findings)
        {
            var key = TableKeys.Encode(finding.Unit);
            var found = new RaisedFlag(flags[key], since[finding.Unit], [.. finding.Explains.Select(TableKeys.Encode)]);
            var last = await LastRaisedAsync(key, waveId, cancellationToken);
            var continuing = found.Since != waveId && last is not null;
            (continuing && !Worsened(published[key], last!) ? still : raised).Add(found);
        }

        return (raised, still);
    }

    /// <summary>The published figures each unit is raised with, so the next wave can tell whether it worsened since.</summary>
    private async Task RecordRaisedAsync(string waveId, IEnumerable<PublishedEntity> raised, CancellationToken cancellationToken) =>
        await TableBatches.SubmitAsync(storage.Alerts, raised.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new AlertEntity
        {
            PartitionKey = waveId,
            RowKey = p.RowKey,
            N = p.N,
            PressureMean = p.PressureMean,
            PressureSd = p.PressureSd,
            SpeakUpMean = p.SpeakUpMean,
            SpeakUpSd = p.SpeakUpSd,
        })), cancellationToken);

    /// <summary>Claims the digest row, sends to every IPIM recipient on one session, and marks it sent.</summary>
    private async Task SendAsync(string waveId, Digest digest, CancellationToken cancellationToken)
    {
        await MarkAsync(waveId, AlertEntity.Pending, cancellationToken);
        var content = IpimDigest.Compose(digest, options.Value.DigestLanguageValue);
        await using (var session = await mail.OpenAsync(cancellationToken))
        {
            foreach (var recipient in options.Value.IpimRecipientList)
            {
                await session.SendAsync(new OutgoingEmail(recipient, content), cancellationToken);
            }
        }

        await MarkAsync(waveId, AlertEntity.Sent, cancellationToken);
    }

    private static FlagPoint Point(PublishedEntity row, FlagEntity? flag) => new(
        row.Unit,
        row.Parent,
        flag is { Flagged: true },
        flag?.N,
        flag?.PressureChange,
        flag?.PressureUncertainty,
        flag?.SpeakUpChange,
        flag?.SpeakUpUncertainty);

    private static bool Worsened(PublishedEntity now, AlertEntity then) =>
        Z(now.PressureMean - then.PressureMean, now.PressureSd, now.N, then.PressureSd, then.N) >= WorseningZ
        || Z(then.SpeakUpMean - now.SpeakUpMean, now.SpeakUpSd, now.N, then.SpeakUpSd, then.N) >= WorseningZ;

    private static double Z(double? adverseChange, double? sdNow, long? nNow, double? sdThen, long? nThen) =>
        adverseChange is { } change && sdNow is { } a && sdThen is { } b && nNow > 0 && nThen > 0
            ? change / Math.Max(1e-9, Math.Sqrt((a * a / nNow.Value) + (b * b / nThen.Value)))
            : 0;

    private async Task<Dictionary<string, FlagEntity>> FlagsAsync(string waveId, CancellationToken cancellationToken) =>
        await storage.Flags.QueryAsync<FlagEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {waveId}"), cancellationToken: cancellationToken)
            .ToDictionaryAsync(f => f.RowKey, StringComparer.Ordinal, cancellationToken);

    private async Task<AlertEntity?> LastRaisedAsync(string unit, string beforeWave, CancellationToken cancellationToken)
    {
        AlertEntity? last = null;
        await foreach (var alert in storage.Alerts.QueryAsync<AlertEntity>(TableClient.CreateQueryFilter($"RowKey eq {unit} and PartitionKey lt {beforeWave}"), cancellationToken: cancellationToken))
        {
            if (last is null || string.CompareOrdinal(alert.PartitionKey, last.PartitionKey) > 0)
            {
                last = alert;
            }
        }

        return last;
    }

    private async Task MarkAsync(string waveId, string state, CancellationToken cancellationToken) =>
        await storage.Alerts.UpsertEntityAsync(new AlertEntity { PartitionKey = waveId, RowKey = AlertEntity.DigestRow, State = state, ETag = ETag.All }, TableUpdateMode.Replace, cancellationToken);
}
