using PulsePipeline.Models.Identifiers;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Interventions;

/// <summary>
/// Why a field of an intervention cannot be stored: the rule broken and the values its wording names, so each
/// interface words it in its language from one place (<see cref="InterventionProblemTexts"/>).
/// <paramref name="Value"/> is what was given for the field (the start wave for <see cref="InterventionProblemKind.StartWaveTaken"/>);
/// <paramref name="Fault"/> why an id, an owner or the notes are refused; <paramref name="Intervention"/> the stored
/// intervention concerned (empty when not known); <paramref name="Unit"/> and <paramref name="Type"/> its unit and type.
/// </summary>
public sealed record InterventionProblem(
    InterventionProblemKind Kind,
    string Value = "",
    TextFault? Fault = null,
    string Intervention = "",
    string Unit = "",
    string Type = "",
    string Plan = "")
{
    /// <summary>One of <see cref="InterventionFields"/> (a CSV column, a form input).</summary>
    public string Field => Kind switch
    {
        InterventionProblemKind.IdInvalid or InterventionProblemKind.IdTaken => InterventionFields.Id,
        InterventionProblemKind.UnitEmpty or InterventionProblemKind.UnitInvalid or InterventionProblemKind.UnitUnknown or InterventionProblemKind.UnitAmbiguous or InterventionProblemKind.UnitChanged => InterventionFields.Unit,
        InterventionProblemKind.TypeEmpty or InterventionProblemKind.TypeUnknown or InterventionProblemKind.TypeChanged => InterventionFields.Type,
        InterventionProblemKind.StartWaveEmpty or InterventionProblemKind.StartWaveInvalid or InterventionProblemKind.StartWaveTaken or InterventionProblemKind.StartWaveNotOffered or InterventionProblemKind.PlanStartWaveChanged => InterventionFields.StartWave,
        InterventionProblemKind.PlanInvalid or InterventionProblemKind.PlanChanged => InterventionFields.Plan,
        InterventionProblemKind.StatusEmpty or InterventionProblemKind.StatusUnknown => InterventionFields.Status,
        InterventionProblemKind.OwnerEmpty or InterventionProblemKind.OwnerInvalid or InterventionProblemKind.OwnerEmail => InterventionFields.Owner,
        _ => InterventionFields.Notes,
    };

    /// <summary>
    /// The problem in English, as the CLI and import print it; reads on after the field's name and says what to do,
    /// e.g. "start_wave" + "'2027/03' is not a wave id: …".
    /// </summary>
    public string Message => InterventionProblemTexts.Words(this, Language.En);

    public override string ToString() => $"{Field} {Message}";
}
