namespace PulsePipeline.Models.Alerts;

/// <summary>How many units stay flagged without having worsened (raised in an earlier digest, not repeated).</summary>
public sealed class StillFlaggedSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.StillFlagged > 0)
        {
            writer.Paragraph(texts.StillFlagged(digest.StillFlagged));
        }
    }
}
