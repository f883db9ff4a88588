namespace PulsePipeline.Models.Messages;

/// <summary>
/// A queue message that can never be processed, whatever is retried: it belongs in the poison queue, with
/// <see cref="Exception.Message"/> as the logged reason. The reason never quotes tokens, emails or answers.
/// </summary>
public sealed class MalformedMessageException : Exception
{
    public MalformedMessageException(string reason) : base(reason)
    {
    }

    public MalformedMessageException(string reason, Exception inner) : base(reason, inner)
    {
    }

    public MalformedMessageException()
    {
    }
}
