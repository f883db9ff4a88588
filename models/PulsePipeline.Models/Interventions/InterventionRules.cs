using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// The one rule set for an intervention, used by `pulse interventions add`, the CSV import and the workspace form:
/// every problem is returned (not just the first), each with its field, its kind and the values its words name
/// (<see cref="InterventionProblemTexts"/> words it in Dutch and English). Notes may hold markup and any printable
/// text (it is always shown as text); only control characters other than line breaks are refused, so nothing can
/// break a line of a log, a table or a terminal.
/// </summary>
public static class InterventionRules
{
    public const int MaxNotesLength = 1000;

    public const int MaxOwnerLength = Identifier.MaxLength;

    /// <summary>What the form says beside the notes; IPIM writes them, never about a person.</summary>
    public const string NotesGuidance = "Describe the intervention, not people: do not name anyone.";

    /// <inheritdoc cref="NotesGuidance"/>
    public const string NotesGuidanceNl = "Beschrijf de interventie, niet personen: noem niemand bij naam.";

    /// <summary>Every problem of <paramref name="candidate"/>'s own fields; an empty id is allowed (storage assigns one).</summary>
    public static IReadOnlyList<InterventionProblem> Check(InterventionRecord candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = new List<InterventionProblem>();
        if (candidate.Id.Length > 0 && !InterventionIds.IsValid(candidate.Id))
        {
            problems.Add(new(InterventionProblemKind.IdInvalid, candidate.Id));
        }

        if (Identifier.Fault(candidate.Unit) is { } unit)
        {
            problems.Add(candidate.Unit.Length == 0 ? new(InterventionProblemKind.UnitEmpty) : new(InterventionProblemKind.UnitInvalid, candidate.Unit, unit));
        }

        if (!InterventionTypes.IsKnown(candidate.Type))
        {
            problems.Add(new(candidate.Type.Length == 0 ? InterventionProblemKind.TypeEmpty : InterventionProblemKind.TypeUnknown, candidate.Type));
        }

        if (!WaveIds.IsValid(candidate.StartWave))
        {
            problems.Add(new(candidate.StartWave.Length == 0 ? InterventionProblemKind.StartWaveEmpty : InterventionProblemKind.StartWaveInvalid, candidate.StartWave));
        }

        if (!InterventionStatuses.IsKnown(candidate.Status))
        {
            problems.Add(new(candidate.Status.Length == 0 ? InterventionProblemKind.StatusEmpty : InterventionProblemKind.StatusUnknown, candidate.Status));
        }

        if (Identifier.Fault(candidate.Owner) is { } owner)
        {
            problems.Add(candidate.Owner.Length == 0 ? new(InterventionProblemKind.OwnerEmpty) : new(InterventionProblemKind.OwnerInvalid, candidate.Owner, owner));
        }
        else if (EmailAddresses.LooksLikeOne(candidate.Owner))
        {
            problems.Add(new(InterventionProblemKind.OwnerEmail, candidate.Owner));
        }

        if (NotesProblem(candidate.Notes) is { } notes)
        {
            problems.Add(notes);
        }

        if (candidate.Plan.Length > 0 && !InterventionIds.IsValid(candidate.Plan))
        {
            problems.Add(new(InterventionProblemKind.PlanInvalid, candidate.Plan));
        }

        return problems;
    }

    /// <summary>What an update may not change: an intervention stays with its unit, type and plan, and a plan member with its drawn start wave.</summary>
    public static IReadOnlyList<InterventionProblem> CheckChange(InterventionRecord stored, InterventionRecord updated)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(updated);
        var problems = new List<InterventionProblem>();
        if (!string.Equals(stored.Unit, updated.Unit, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionProblemKind.UnitChanged, updated.Unit, Intervention: stored.Id, Unit: stored.Unit));
        }

        if (!string.Equals(stored.Type, updated.Type, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionProblemKind.TypeChanged, updated.Type, Intervention: stored.Id, Type: stored.Type));
        }

        if (!string.Equals(stored.Plan, updated.Plan, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionProblemKind.PlanChanged, updated.Plan, Intervention: stored.Id, Plan: updated.Plan));
        }
        else if (stored.Plan.Length > 0 && !string.Equals(stored.StartWave, updated.StartWave, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionProblemKind.PlanStartWaveChanged, stored.StartWave, Intervention: stored.Id, Plan: stored.Plan));
        }

        return problems;
    }

    /// <summary>The unit is in neither the current roster nor any published wave.</summary>
    public static InterventionProblem UnknownUnit(string unit) => new(InterventionProblemKind.UnitUnknown, unit);

    /// <summary>Another intervention (<paramref name="existingId"/>, empty when not known) already has this unit, type and start wave.</summary>
    public static InterventionProblem Duplicate(InterventionRecord candidate, string existingId)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new(InterventionProblemKind.StartWaveTaken, candidate.StartWave, Intervention: existingId, Unit: candidate.Unit, Type: candidate.Type);
    }

    /// <summary>The form's unit <paramref name="typed"/> is the name of more than one unit.</summary>
    public static InterventionProblem AmbiguousUnit(string typed) => new(InterventionProblemKind.UnitAmbiguous, typed);

    /// <summary>The form's start wave <paramref name="wave"/> is not one it offers.</summary>
    public static InterventionProblem StartWaveNotOffered(string wave) => new(InterventionProblemKind.StartWaveNotOffered, wave);

    /// <summary>Another intervention has the id <paramref name="id"/>.</summary>
    public static InterventionProblem IdTaken(string id) => new(InterventionProblemKind.IdTaken, id);

    /// <summary>Why <paramref name="notes"/> cannot be stored, or null.</summary>
    public static InterventionProblem? NotesProblem(string notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Length > MaxNotesLength)
        {
            return Notes(new(TextFaultKind.TooLong, Length: notes.Length));
        }

        for (var i = 0; i < notes.Length; i++)
        {
            var c = notes[i];
            if (char.IsControl(c) && c is not '\n' and not '\r')
            {
                return Notes(new(TextFaultKind.ControlCharacter, Position: i + 1, Code: c));
            }

            if ((char.IsHighSurrogate(c) && (i + 1 >= notes.Length || !char.IsLowSurrogate(notes[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(notes[i - 1]))))
            {
                return Notes(new(TextFaultKind.InvalidCharacter, Position: i + 1));
            }
        }

        return null;
    }

    private static InterventionProblem Notes(TextFault fault) => new(InterventionProblemKind.NotesInvalid, Fault: fault);
}
