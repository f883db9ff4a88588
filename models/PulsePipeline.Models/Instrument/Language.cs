namespace PulsePipeline.Models.Instrument;

/// <summary>The languages employees can answer in. The roster and links carry the two-letter code.</summary>
public enum Language
{
    Nl,
    En,
}
