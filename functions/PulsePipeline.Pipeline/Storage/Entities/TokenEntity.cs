namespace PulsePipeline.Pipeline.Storage.Entities;

/// <summary>
/// A survey token by its hash, in its wave's own table: partition the first two hex digits, row key the full hash.
/// Holds unit and state only (the wave is the table's): no employee id, no email, no time of use.
/// </summary>
public sealed class TokenEntity : TableRow
{
    /// <summary>The unit id as HR wrote it: a value, not a key, so it needs no encoding.</summary>
    public string Unit { get; set; } = "";

    public bool Used { get; set; }
}
