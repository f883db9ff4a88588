namespace PulsePipeline.Cli.Demo;

/// <summary>
/// A change the demo plants in one unit from a wave on: a climate step for pressure and for speak-up safety
/// (positive is adverse; both negative is an improvement, which must never be flagged).
/// </summary>
internal sealed record PlantedShift(string Unit, string Name, int OnsetWave, double Pressure, double SpeakUp)
{
    public bool IsImprovement => Pressure <= 0 && SpeakUp <= 0;

    public string Kind => (Pressure, SpeakUp) switch
    {
        ( > 0, > 0) => "pressure up and speak-up down",
        ( > 0, _) => "pressure up",
        (_, > 0) => "speak-up down",
        _ => "improvement",
    };
}
