namespace PulsePipeline.Models.Instrument;

/// <summary>What an item measures. Pressure is worse when higher; speak-up safety and norms are better when higher.</summary>
public enum Construct
{
    Pressure,
    SpeakUp,
    Norms,
}
