namespace PulsePipeline.Models.Sending;

/// <summary>
/// <see cref="Count"/> emails that went out no later than <see cref="End"/>: each counts against a window of length W
/// until End + W has passed. Merging two blocks into one with the later end only ever counts them longer.
/// </summary>
public sealed record SentBlock(int Count, DateTimeOffset End);
