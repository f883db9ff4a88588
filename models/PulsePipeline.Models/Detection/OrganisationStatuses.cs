namespace PulsePipeline.Models.Detection;

/// <summary>
/// The stored words for an organisation-wide change (the flags table's organisation row, read by the digest and the
/// workspace): adverse, significant but not adverse, or none.
/// </summary>
public static class OrganisationStatuses
{
    public const string Adverse = "adverse";
    public const string Significant = "significant";
    public const string None = "none";

    public static string Of(OrganisationChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Significant ? (change.Adverse ? Adverse : Significant) : None;
    }
}
