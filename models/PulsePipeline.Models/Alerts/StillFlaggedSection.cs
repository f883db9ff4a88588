namespace PulsePipeline.Models.Alerts;

/// <summary>
/// The findings that stay flagged without having worsened: raised in an earlier digest and not repeated in full, but
/// named with the wave their flag began, so the digest and the workspace's overview list the same units.
/// </summary>
public sealed class StillFlaggedSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.StillFlagged.Count == 0)
        {
            return;
        }

        writer.Paragraph(texts.StillFlagged);
        foreach (var unit in digest.StillFlagged)
        {
            writer.Item($"{string.Join(" › ", unit.Path)}: {texts.Findings.Status(unit.Since, digest.WaveId)}{texts.Explains(unit.Explains)}");
        }
    }
}
