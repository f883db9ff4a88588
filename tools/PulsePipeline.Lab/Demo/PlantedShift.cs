namespace PulsePipeline.Lab.Demo;

/// <summary>
/// A change the demo plants in one unit from a wave on: a climate step for pressure and for speak-up safety
/// (positive is adverse; both negative is an improvement, which must never be flagged), for good or for
/// <see cref="Waves"/> waves, and the intervention IPIM starts there once it is flagged, if any.
/// </summary>
internal sealed record PlantedShift(string Unit, string Name, int OnsetWave, double Pressure, double SpeakUp, int? Waves = null, PlantedIntervention? Intervention = null)
{
    public bool ActiveIn(int wave) => wave >= OnsetWave && (Waves is not { } lasts || wave < OnsetWave + lasts);

    public bool IsImprovement => Pressure <= 0 && SpeakUp <= 0;

    public string Kind => (Pressure, SpeakUp) switch
    {
        ( > 0, > 0) => "pressure up and speak-up down",
        ( > 0, _) => "pressure up",
        (_, > 0) => "speak-up down",
        _ => "improvement",
    };
}
