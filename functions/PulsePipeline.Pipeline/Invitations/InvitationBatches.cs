using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Roster;

namespace PulsePipeline.Pipeline.Invitations;

/// <summary>
/// Cuts employees into invitation batches: per unit, ordered by employee id, at most 100 each, with ids
/// "{unit}.{n}" (InvitationBatch.IdFor). The same employees always give the same batches, which is what makes re-enqueued or resumed
/// batches find their earlier delivery markers.
/// </summary>
public static class InvitationBatches
{
    public static IEnumerable<InvitationBatch> For(string waveId, int round, IEnumerable<RosterEmployee> employees) =>
        employees
            .GroupBy(e => e.Unit, StringComparer.Ordinal)
            .SelectMany(unit => unit
                .OrderBy(e => e.Id, StringComparer.Ordinal)
                .Chunk(InvitationBatch.MaxInvitees)
                .Select((invitees, i) => new InvitationBatch(
                    waveId,
                    round,
                    InvitationBatch.IdFor(unit.Key, i),
                    invitees.Select(e => new Invitee(e.Id, e.Email, e.Language.Code())).ToList())));
}
