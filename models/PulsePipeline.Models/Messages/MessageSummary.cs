using System.Globalization;
using System.Text.Json;

namespace PulsePipeline.Models.Messages;

/// <summary>
/// A queue message described for an operator without what it must never show: only the wave, unit, round, batch,
/// attempt and the number of invitees are named, never answers, token hashes, employee ids or email addresses, and
/// a body that does not parse is only measured, never quoted. Works for any queue's messages, so a new queue needs
/// nothing here.
/// </summary>
public static class MessageSummary
{
    public static string Describe(string body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return $"not JSON ({body.Length} characters, not shown)";
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a message ({body.Length} characters, not shown)";
        }

        var parts = new List<string>();
        Add(parts, root, "waveId", "wave");
        Add(parts, root, "unitId", "unit");
        Add(parts, root, "round", "round");
        Add(parts, root, "batchId", "batch");
        if (root.TryGetProperty("invitees", out var invitees) && invitees.ValueKind == JsonValueKind.Array)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{invitees.GetArrayLength()} invitee(s)"));
        }

        if (root.TryGetProperty("answers", out _))
        {
            parts.Add("answers not shown");
        }

        Add(parts, root, "attempt", "attempt");
        return parts.Count > 0 ? string.Join(", ", parts) : $"a message without a wave ({body.Length} characters, not shown)";
    }

    private static void Add(List<string> parts, JsonElement root, string property, string label)
    {
        if (root.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var text = new string(value.ToString().Select(c => char.IsControl(c) ? '?' : c).ToArray());
            parts.Add($"{label} {(text.Length > 128 ? text[..128] + "…" : text)}");
        }
    }
}
