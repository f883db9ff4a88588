namespace PulsePipeline.Models.Alerts;

/// <summary>
/// "Effects of earlier interventions": each intervention whose estimate is news this wave, with its unit's path, its
/// type, the waves since its start and per construct the estimate with its 95% interval and the verdict in words (an
/// inconclusive one says why and what would make it conclusive); then the pooled effect of each of those types.
/// </summary>
public sealed class EffectsSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.Effects.Count == 0)
        {
            return;
        }

        var words = texts.Effects;
        writer.Heading(words.Heading);
        writer.Paragraph(words.Intro);
        foreach (var effect in digest.Effects)
        {
            writer.Paragraph(words.Title(effect));
            foreach (var construct in effect.Effects)
            {
                writer.Item(words.Line(construct));
            }
        }

        if (digest.EffectsUnchanged > 0)
        {
            writer.Paragraph(words.Unchanged(digest.EffectsUnchanged));
        }

        if (digest.Pooled.Count > 0)
        {
            writer.Paragraph(words.PooledHeading);
            foreach (var pooled in digest.Pooled)
            {
                writer.Item(words.Pooled(pooled));
            }
        }
    }
}
