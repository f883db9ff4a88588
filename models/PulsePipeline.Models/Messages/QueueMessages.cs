using System.Text.Json;

namespace PulsePipeline.Models.Messages;

/// <summary>JSON (de)serialisation of queue messages, turning every kind of malformed input into one exception type.</summary>
public static class QueueMessages
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize<T>(T message)
        where T : IQueueMessage => JsonSerializer.Serialize(message, Options);

    /// <exception cref="MalformedMessageException">The text is not a valid <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string text)
        where T : class, IQueueMessage
    {
        T? message;
        try
        {
            message = JsonSerializer.Deserialize<T>(text, Options);
        }
        catch (JsonException e)
        {
            // JsonException messages name the path and position, never the offending value.
            throw new MalformedMessageException($"not a valid {typeof(T).Name}: {e.Message}", e);
        }

        if (message is null)
        {
            throw new MalformedMessageException($"not a valid {typeof(T).Name}: the message is null");
        }

        var problems = message.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new MalformedMessageException($"invalid {typeof(T).Name}: {string.Join("; ", problems)}");
        }

        return message;
    }
}
