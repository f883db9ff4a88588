using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PulsePipeline.Models.Messages;

/// <summary>
/// A message as the pipeline parks it in a -poison queue: the original body unchanged, with the queue it came from,
/// why it could not be processed, when, and after how many deliveries. A message the host poisoned itself (after its
/// maximum deliveries, with no code of ours in between) is the bare original; <see cref="TryParse"/> tells them apart.
/// </summary>
public sealed record PoisonEnvelope(
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("poisonedAt")] DateTimeOffset PoisonedAt,
    [property: JsonPropertyName("deliveries")] long Deliveries,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>Queue messages hold at most 64 KiB of base64, which is 48 KiB of text.</summary>
    public const int MaxBytes = 48 * 1024;

    /// <summary>Reasons are cut to this length: a reason is a sentence, not a dump.</summary>
    public const int MaxReason = 500;

    private const string Marker = "pulsePoison";

    /// <summary>
    /// The envelope as queue text, or the bare message when the envelope would not fit in a queue message (the
    /// reason is in the log either way).
    /// </summary>
    public string Serialize()
    {
        var reason = Reason.Length > MaxReason ? Reason[..MaxReason] + "…" : Reason;
        var text = JsonSerializer.Serialize(new Stored(1, this with { Reason = reason }));
        return Encoding.UTF8.GetByteCount(text) <= MaxBytes ? text : Message;
    }

    /// <summary>The envelope, or null when <paramref name="body"/> is a bare message.</summary>
    public static PoisonEnvelope? TryParse(string body)
    {
        try
        {
            return body.Contains(Marker, StringComparison.Ordinal) && JsonSerializer.Deserialize<Stored>(body) is { Version: 1, Envelope: { } envelope } ? envelope : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(
        [property: JsonPropertyName(Marker)] int Version,
        [property: JsonPropertyName("poisoned")] PoisonEnvelope? Envelope);
}
