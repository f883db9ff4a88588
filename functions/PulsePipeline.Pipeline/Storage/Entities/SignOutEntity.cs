namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// A signed-out development sign-in session: partition the UTC day its cookie expires (yyyyMMdd), row key the
/// session's random id. Nothing else: no name, no time finer than that day (beyond the table's own Timestamp).
/// </summary>
public sealed class SignOutEntity : TableRow
{
}
