namespace PulsePipeline.Lab.Demo;

/// <summary>
/// The intervention the demo's IPIM starts in a planted unit once the detector flags it, and the effect it is given: a
/// climate step for pressure and for speak-up safety from its start wave on, negative being better (both zero: a type
/// that does nothing, which the estimator must not call improved).
/// </summary>
internal sealed record PlantedIntervention(string Type, double Pressure, double SpeakUp)
{
    public bool HasEffect => Pressure != 0 || SpeakUp != 0;
}
