namespace PulsePipeline.Models.Alerts;

/// <summary>What the figures are and are not: published, on at least k respondents, against the unit's own history.</summary>
public sealed class ClosingSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Paragraph(texts.Closing(digest.K));
    }
}
