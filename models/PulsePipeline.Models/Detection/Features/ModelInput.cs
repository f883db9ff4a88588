using Microsoft.ML.Data;

namespace PulsePipeline.Models.Detection.Features;

/// <summary>One unit-wave as the ML.NET model sees it.</summary>
internal sealed class ModelInput
{
    [VectorType(FeatureSpec.Count)]
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
