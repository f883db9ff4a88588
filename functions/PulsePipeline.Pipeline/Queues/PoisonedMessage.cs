namespace PulsePipeline.Pipeline.Queues;

/// <summary>
/// One message in a -poison queue as an operator sees it: which queue, its id, when it was poisoned, why, after how
/// many deliveries (null when the host poisoned it without saying), and a description that shows no answer, token
/// hash or address (<see cref="Models.Messages.MessageSummary"/>).
/// </summary>
public sealed record PoisonedMessage(string Queue, string Id, DateTimeOffset? PoisonedAt, string Reason, long? Deliveries, string Summary);
