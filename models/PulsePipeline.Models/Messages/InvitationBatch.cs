using System.Globalization;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Messages;

/// <summary>
/// Up to <see cref="MaxInvitees"/> emails to send over one SMTP connection. Round 0 is the invitation, rounds
/// 1.. are reminders. The batch id is deterministic, so a redelivered or re-enqueued batch finds the delivery
/// markers of its first run: "{unit}.{n}" (<see cref="IdFor"/>), n counting the unit's batches from 0. Attempt counts
/// transient SMTP failures for back-off.
/// </summary>
public sealed record InvitationBatch(string WaveId, int Round, string BatchId, IReadOnlyList<Invitee> Invitees, int Attempt = 0) : IQueueMessage
{
    public const int MaxInvitees = 100;
    public const int MaxRound = 10;

    public IEnumerable<string> Problems()
    {
        if (!WaveIds.IsValid(WaveId))
        {
            yield return "waveId is not a valid wave id";
        }

        if (Round is < 0 or > MaxRound)
        {
            yield return $"round must be 0–{MaxRound}";
        }

        if (!IsValidBatchId(BatchId))
        {
            yield return "batchId is not a valid id";
        }

        if (Attempt < 0)
        {
            yield return "attempt must not be negative";
        }

        if (Invitees is null || Invitees.Count is 0 or > MaxInvitees)
        {
            yield return $"a batch holds 1–{MaxInvitees} invitees";
            yield break;
        }

        for (var i = 0; i < Invitees.Count; i++)
        {
            var invitee = Invitees[i];
            if (invitee is null || !Identifier.IsValid(invitee.EmployeeId) || !RosterFormats.IsValidEmail(invitee.Email ?? "") || !Languages.TryParse(invitee.Language, out _))
            {
                yield return $"invitee {i} is incomplete or malformed";
            }
        }

        if (Invitees.Where(i => i is not null).Select(i => i.EmployeeId).Distinct(StringComparer.Ordinal).Count() != Invitees.Count)
        {
            yield return "an employee appears twice in the batch";
        }
    }

    /// <summary>The id of a unit's batch number <paramref name="index"/> (0-based).</summary>
    public static string IdFor(string unitId, int index) => string.Create(CultureInfo.InvariantCulture, $"{unitId}.{index}");

    /// <summary>A unit id (which may itself hold dots), a dot and the batch number.</summary>
    public static bool IsValidBatchId(string? batchId)
    {
        var dot = batchId?.LastIndexOf('.') ?? -1;
        return dot > 0
            && dot < batchId!.Length - 1
            && batchId.Length - dot - 1 <= 6
            && !batchId.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9')
            && Identifier.IsValid(batchId[..dot]);
    }
}
