namespace PulsePipeline.Models.Interventions;

/// <summary>
/// Which rule an intervention broke; with the problem's values it is all a page needs to word it in its language
/// (<see cref="InterventionProblemTexts"/>). Each kind belongs to one field (<see cref="InterventionProblem.Field"/>).
/// </summary>
public enum InterventionProblemKind
{
    /// <summary>The id typed is not an intervention id.</summary>
    IdInvalid,

    /// <summary>Another intervention has the id typed.</summary>
    IdTaken,

    UnitEmpty,

    /// <summary>The unit typed is not an id (<see cref="InterventionProblem.Fault"/> says why).</summary>
    UnitInvalid,

    /// <summary>The unit is in neither the current roster nor any published wave.</summary>
    UnitUnknown,

    /// <summary>The workspace form's unit was typed as a name that more than one published unit has.</summary>
    UnitAmbiguous,

    /// <summary>An update moves the intervention to another unit.</summary>
    UnitChanged,

    TypeEmpty,

    TypeUnknown,

    /// <summary>An update gives the intervention another type.</summary>
    TypeChanged,

    StartWaveEmpty,

    StartWaveInvalid,

    /// <summary>Another intervention of the unit has the same type and start wave.</summary>
    StartWaveTaken,

    /// <summary>The workspace form's start wave is not one of the waves it offers (published and scheduled ones).</summary>
    StartWaveNotOffered,

    StatusEmpty,

    StatusUnknown,

    OwnerEmpty,

    /// <summary>The owner typed is not a valid name (<see cref="InterventionProblem.Fault"/> says why).</summary>
    OwnerInvalid,

    /// <summary>The owner typed is an email address; the hint asks for a name.</summary>
    OwnerEmail,

    /// <summary>The notes are too long or hold a character they may not (<see cref="InterventionProblem.Fault"/>).</summary>
    NotesInvalid,

    /// <summary>The plan id is not an id of <see cref="InterventionIds"/>' alphabet.</summary>
    PlanInvalid,

    /// <summary>An update moves the intervention into, out of or between rollout plans: only a draw makes a member.</summary>
    PlanChanged,

    /// <summary>An update moves a plan member's drawn start wave.</summary>
    PlanStartWaveChanged,
}
