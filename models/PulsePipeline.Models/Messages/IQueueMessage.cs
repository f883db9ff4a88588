namespace PulsePipeline.Models.Messages;

/// <summary>A queue message that can say what is wrong with it after deserialisation.</summary>
public interface IQueueMessage
{
    /// <summary>Every reason the message cannot be processed; empty when it is well formed.</summary>
    IEnumerable<string> Problems();
}
