namespace PulsePipeline.Models.Identifiers;

/// <summary>
/// The one rule for text that must name a person without being their email address (an intervention's owner, an audit
/// row's actor): anything with an '@' is taken for an address and refused, since an address is personal data the
/// registry and the audit promise not to hold.
/// </summary>
public static class EmailAddresses
{
    public static bool LooksLikeOne(string? text) => text is not null && text.Contains('@', StringComparison.Ordinal);
}
