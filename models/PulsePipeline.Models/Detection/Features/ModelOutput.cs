namespace PulsePipeline.Models.Detection.Features;

/// <summary>The calibrated probability the model gives that a unit-wave holds a real adverse shift.</summary>
internal sealed class ModelOutput
{
    public float Probability { get; set; }
}
