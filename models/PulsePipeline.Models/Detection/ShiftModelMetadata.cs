using System.Text.Json;

namespace PulsePipeline.Models.Detection;

/// <summary>The JSON entry stored beside the ML.NET model in a saved shift model.</summary>
internal sealed record ShiftModelMetadata(int FormatVersion, int FeatureVersion, string Version, string TrainingData, double Threshold, string[] Features)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
