namespace PulsePipeline.Models.Alerts;

/// <summary>The organisation-wide change of the wave, whenever it is significant, before any unit.</summary>
public sealed class OrganisationSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.Organisation is { Significant: true } organisation)
        {
            writer.Paragraph(texts.Organisation(organisation));
        }
    }
}
