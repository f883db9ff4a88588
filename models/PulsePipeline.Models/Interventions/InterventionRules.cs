using System.Globalization;
using PulsePipeline.Models.Csv;
using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Waves;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// The one rule set for an intervention, used by `pulse interventions add`, the CSV import and the workspace form:
/// every problem is returned (not just the first), each with its field and in words that say what to fix. Notes may
/// hold markup and any printable text (it is always shown as text); only control characters other than line breaks
/// are refused, so nothing can break a line of a log, a table or a terminal.
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
            problems.Add(new(InterventionFields.Id, $"{CsvReader.Printable(candidate.Id)} is not an intervention id: {InterventionIds.Rule}; leave it empty to record a new intervention"));
        }

        if (Identifier.Problem(candidate.Unit) is { } unit)
        {
            problems.Add(new(InterventionFields.Unit, candidate.Unit.Length == 0
                ? "is empty: give the unit's id as the roster has it"
                : $"{CsvReader.Printable(candidate.Unit)} {unit}; a unit id is {Identifier.Rule}"));
        }

        if (!InterventionTypes.IsKnown(candidate.Type))
        {
            problems.Add(new(InterventionFields.Type, (candidate.Type.Length == 0 ? "is empty" : $"{CsvReader.Printable(candidate.Type)} is not an intervention type") + $": use one of {InterventionTypes.IdList}"));
        }

        if (!WaveIds.IsValid(candidate.StartWave))
        {
            problems.Add(new(InterventionFields.StartWave, candidate.StartWave.Length == 0
                ? "is empty: give the first wave whose answers may show the intervention (for example 2027-03-01)"
                : $"{CsvReader.Printable(candidate.StartWave)} is not a wave id: {WaveIds.Rule}"));
        }

        if (!InterventionStatuses.IsKnown(candidate.Status))
        {
            problems.Add(new(InterventionFields.Status, (candidate.Status.Length == 0 ? "is empty" : $"{CsvReader.Printable(candidate.Status)} is not a status") + $": use one of {InterventionStatuses.IdList}"));
        }

        if (Identifier.Problem(candidate.Owner) is { } owner)
        {
            problems.Add(new(InterventionFields.Owner, candidate.Owner.Length == 0
                ? "is empty: name the IPIM user responsible for the intervention"
                : $"{CsvReader.Printable(candidate.Owner)} {owner}; an owner is {Identifier.Rule}"));
        }

        if (NotesProblem(candidate.Notes) is { } notes)
        {
            problems.Add(new(InterventionFields.Notes, notes));
        }

        return problems;
    }

    /// <summary>What an update may not change: an intervention stays with its unit and type.</summary>
    public static IReadOnlyList<InterventionProblem> CheckChange(InterventionRecord stored, InterventionRecord updated)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(updated);
        var problems = new List<InterventionProblem>();
        if (!string.Equals(stored.Unit, updated.Unit, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionFields.Unit, $"cannot change: intervention {stored.Id} is recorded for unit {CsvReader.Printable(stored.Unit)}; end it and record a new one for the other unit"));
        }

        if (!string.Equals(stored.Type, updated.Type, StringComparison.Ordinal))
        {
            problems.Add(new(InterventionFields.Type, $"cannot change: intervention {stored.Id} is a {CsvReader.Printable(stored.Type)}; end it and record a new one of the other type"));
        }

        return problems;
    }

    /// <summary>The unit is in neither the current roster nor any published wave.</summary>
    public static InterventionProblem UnknownUnit(string unit) =>
        new(InterventionFields.Unit, $"{CsvReader.Printable(unit)} is neither in the current roster nor in a published wave; check the id against the roster");

    /// <summary>Another intervention already has this unit, type and start wave.</summary>
    public static InterventionProblem Duplicate(InterventionRecord candidate, string existingId)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new(InterventionFields.StartWave, $"{CsvReader.Printable(candidate.StartWave)}: unit {CsvReader.Printable(candidate.Unit)} already has a {candidate.Type} starting in this wave (intervention {existingId}); update that one, or give another start wave");
    }

    /// <summary>Why <paramref name="notes"/> cannot be stored, or null; reads on after "notes".</summary>
    public static string? NotesProblem(string notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Length > MaxNotesLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"are {notes.Length:N0} characters long; shorten them to at most {MaxNotesLength:N0}");
        }

        for (var i = 0; i < notes.Length; i++)
        {
            var c = notes[i];
            if (char.IsControl(c) && c is not '\n' and not '\r')
            {
                return $"contain a control character (U+{(int)c:X4}) at position {i + 1}; only line breaks are allowed";
            }

            if ((char.IsHighSurrogate(c) && (i + 1 >= notes.Length || !char.IsLowSurrogate(notes[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(notes[i - 1]))))
            {
                return $"contain an invalid character at position {i + 1}";
            }
        }

        return null;
    }
}
