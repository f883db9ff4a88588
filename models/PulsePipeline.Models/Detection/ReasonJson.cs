using System.Text.Json;
using System.Text.Json.Serialization;

namespace PulsePipeline.Models.Detection;

/// <summary>Reasons as JSON for storage beside the flag (enum names as text, so a stored row reads the same after a reorder).</summary>
public static class ReasonJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IReadOnlyList<Reason> reasons) => JsonSerializer.Serialize(reasons, Options);

    /// <summary>The stored reasons; none for an empty column (rows written before reasons were stored as data).</summary>
    public static IReadOnlyList<Reason> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Reason>>(json, Options) ?? [];
}
