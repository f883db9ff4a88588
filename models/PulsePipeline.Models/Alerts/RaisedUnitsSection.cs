using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// Each raised finding: its path, whether its flag is new or since when (and the flags above it it explains), what moved, n, each construct's last published waves with what they show (a jump, a
/// steady rise, back to the earlier level…, <see cref="TrendShapes"/>) and why a wave has no point, and the suggested
/// interventions with their reason.
/// </summary>
public sealed class RaisedUnitsSection : IDigestSection
{
    public void Write(Digest digest, DigestTexts texts, DigestWriter writer)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(writer);
        if (digest.Raised.Count == 0)
        {
            writer.Paragraph(digest.StillFlagged.Count > 0 ? texts.NothingNew : texts.NothingRaised);
            return;
        }

        foreach (var unit in digest.Raised)
        {
            writer.Heading(string.Join(" › ", unit.Path));
            writer.Item($"{texts.Findings.Status(unit.Since, digest.WaveId)}{texts.Explains(unit.Explains)}");
            writer.Item($"{texts.WhatMoved}: {ReasonTexts.Describe(unit.Flag.Reasons, texts.Language)}");
            writer.Item($"{texts.Respondents}: {unit.Flag.N}");
            foreach (var construct in new[] { Construct.Pressure, Construct.SpeakUp })
            {
                writer.Item($"{texts.TrendLabel(construct)}: {Points(unit.Trend, construct, texts)}{Reading(unit.Trend, construct, texts)}");
            }

            foreach (var suggestion in unit.Suggestions)
            {
                writer.Item(texts.Suggested(suggestion));
            }

            foreach (var plan in unit.Plans)
            {
                writer.Item(Effects.Plans.PlanWords.Mention(plan, texts.Language));
            }
        }
    }

    private static string Points(IReadOnlyList<TrendPoint> trend, Construct construct, DigestTexts texts) =>
        string.Join(" → ", trend.Select(p => p.Mean(construct) is { } mean ? Numbers.TwoDecimals(mean, texts.Language) : $"– ({texts.Gap(p.Gap, p.Wave)})"));

    private static string Reading(IReadOnlyList<TrendPoint> trend, Construct construct, DigestTexts texts)
    {
        var shown = trend.Where(p => p.Value(construct) is not null).ToList();
        var reading = TrendShapes.Read([.. shown.Select(p => p.Value(construct)!.Value)]);
        return reading.Shape == TrendShape.TooFewPoints ? "" : ": " + texts.Trend(reading, shown.Select(p => p.Wave).ToList(), construct);
    }
}
