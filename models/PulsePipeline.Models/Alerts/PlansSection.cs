using PulsePipeline.Models.Effects.Plans;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// "Randomised rollout plans": each plan whose window closed this wave, once, with its final design-based effect per
/// construct and what "randomised" buys (<see cref="PlanWords"/>). Listed before the observational effects.
/// </summary>
public sealed class PlansSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.Plans.Count == 0)
        {
            return;
        }

        writer.Heading(PlanWords.DigestHeading(texts.Language));
        writer.Paragraph(PlanWords.WhyRandomised(texts.Language));
        foreach (var plan in digest.Plans)
        {
            writer.Paragraph(PlanWords.DigestTitle(plan, texts.Language));
            foreach (var effect in plan.Effects)
            {
                writer.Item(PlanWords.Line(effect, texts.Language));
            }
        }
    }
}
