using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Lab.Detection;

/// <summary>
/// What the simulator planted in a unit. <see cref="Constructs"/> holds Pressure, SpeakUp or both; <see cref="Size"/> is
/// the change of the unit's expected mean on the 1–5 scale (adverse for a shift, favourable for an improvement).
/// </summary>
public sealed record PlantedEvent(string Unit, PlantedKind Kind, IReadOnlyList<Construct> Constructs, double Size, int OnsetWave)
{
    public string Target => Constructs.Count switch
    {
        0 => "none",
        2 => "both",
        _ => Constructs[0] == Construct.Pressure ? "pressure" : "speak-up",
    };
}
