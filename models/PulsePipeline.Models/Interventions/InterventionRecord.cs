namespace PulsePipeline.Models.Interventions;

/// <summary>
/// One intervention IPIM recorded for a unit. <paramref name="Type"/> is an id of <see cref="InterventionTypes"/>;
/// <paramref name="StartWave"/> the first wave whose answers may show it (the effect estimator's start);
/// <paramref name="Status"/> one of <see cref="InterventionStatuses"/>; <paramref name="Owner"/> the IPIM user
/// responsible; <paramref name="Notes"/> IPIM's own text (never written by employees), possibly empty. Every field is
/// kept exactly as entered: markup and any printable character are allowed and must always be shown as text.
/// <see cref="InterventionRules"/> says what a valid one is. (Not named Intervention: the digest's suggestions,
/// PulsePipeline.Models.Alerts.Intervention, already are.)
/// </summary>
public sealed record InterventionRecord(string Id, string Unit, string Type, string StartWave, string Status, string Owner, string Notes)
{
    /// <summary>What makes two interventions the same: a unit cannot have one type start twice in the same wave.</summary>
    public (string Unit, string Type, string StartWave) NaturalKey => (Unit, Type, StartWave);

    /// <summary>
    /// The randomised rollout plan whose draw created it (empty for any other): its unit and start wave were drawn,
    /// so neither they nor the plan change afterwards (<see cref="InterventionRules.CheckChange"/>).
    /// </summary>
    public string Plan { get; init; } = "";
}
