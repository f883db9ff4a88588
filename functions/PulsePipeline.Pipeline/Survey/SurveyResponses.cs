using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// The storage side of the survey: what state a token is in, and turning a valid answer set into exactly one
/// identity-free response message with the token marked used. Logs never name a token, hash, unit or answer.
/// </summary>
public sealed class SurveyResponses(PulseStorage storage, WaveStore waves, TokenTables tokens, QueueSender queues, TimeProvider clock, ILogger<SurveyResponses> logger)
{
    /// <summary>
    /// How long a response message stays invisible while its token is being marked. Far longer than the marking
    /// takes; it matters only if this process dies in between, when the message surfaces after it on its own.
    /// </summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    /// <summary>The token's state, read from storage: a problem (unknown, closed, used) or an open token.</summary>
    public async Task<(SurveyProblem? Problem, OpenSurveyToken? Token)> LookupAsync(string token, CancellationToken cancellationToken)
    {
        if (await tokens.FindAsync(SurveyTokens.Hash(token), cancellationToken) is not var (waveId, row))
        {
            return (SurveyProblem.UnknownLink, null);
        }

        var wave = await waves.GetAsync(waveId, cancellationToken);
        if (wave is null || wave.State is not (WaveStates.Opening or WaveStates.Open) || clock.GetUtcNow() >= wave.ClosesAt)
        {
            return (SurveyProblem.WaveClosed, null);
        }

        if (row.Used)
        {
            return (SurveyProblem.AlreadyAnswered, null);
        }

        // Answers are read against the wave's own instrument version, never silently against a newer one.
        return Instruments.TryGet(wave.InstrumentVersion, out var instrument)
            ? (null, new OpenSurveyToken(row, wave, instrument))
            : throw new InvalidOperationException($"Wave {wave.RowKey} names an instrument version this build does not know.");
    }

    /// <summary>
    /// Enqueues the response and marks the token used; false when another request used the token first, in
    /// which case nothing stays enqueued. The message is sent invisible, the token is marked under its ETag, and
    /// only then is the message revealed; a request that loses the race deletes its still-invisible message. So
    /// concurrent submissions leave exactly one message, and a crash between the steps at worst leaves a message
    /// with an unused token, which the tally's marker for the token hash counts once.
    /// </summary>
    public async Task<bool> SubmitAsync(OpenSurveyToken open, IReadOnlyDictionary<string, int> answers, CancellationToken cancellationToken)
    {
        var message = new ResponseMessage(open.Wave.RowKey, open.Row.Unit, open.Row.RowKey, open.Wave.InstrumentVersion, answers);
        if (message.Problems().Any())
        {
            // Only stored data can make this happen (the answers were validated): a server fault, not the employee's.
            throw new InvalidOperationException("The token row or wave does not make a valid response message.");
        }

        var receipt = await queues.SendHeldAsync(StorageNames.ResponsesQueue, message, Hold, cancellationToken);
        try
        {
            open.Row.Used = true;
            await storage.WaveTable(open.Wave).UpdateEntityAsync(open.Row, open.Row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e)
        {
            // Any failure (a 412 from a concurrent submission, or storage trouble, which the SDK may report as an
            // AggregateException after its retries) takes the held message back before it is thrown on.
            await WithdrawAsync(receipt);
            if (e is RequestFailedException { Status: 412 })
            {
                return false;
            }

            throw;
        }

        try
        {
            await queues.RevealAsync(StorageNames.ResponsesQueue, receipt, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            // The response is safe: the message surfaces by itself when the hold ends.
            logger.LogWarning("A response message could not be made visible at once ({Status} {ErrorCode}); it will surface after {Hold}", e.Status, e.ErrorCode, Hold);
        }

        return true;
    }

    private async Task WithdrawAsync(Azure.Storage.Queues.Models.SendReceipt receipt)
    {
        try
        {
            await queues.WithdrawAsync(StorageNames.ResponsesQueue, receipt, CancellationToken.None);
        }
        catch (RequestFailedException e)
        {
            // Still counted at most once: the token hash marker in the tally absorbs a duplicate.
            logger.LogWarning("A withdrawn response message could not be deleted ({Status} {ErrorCode}); it will surface after {Hold}", e.Status, e.ErrorCode, Hold);
        }
    }
}
