using PulsePipeline.Models.Detection.Findings;
using PulsePipeline.Models.Email;
using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Alerts;

/// <summary>
/// The IPIM digest email, in plain text and HTML, in Dutch (IPIM's language, the default) or English
/// (PULSE_DIGEST_LANGUAGE). Its sections write in turn; every figure in it is a published (k-anonymous) one.
/// </summary>
public static class IpimDigest
{
    public static IReadOnlyList<IDigestSection> Sections { get; } =
    [
        new OrganisationSection(),
        new RaisedUnitsSection(),
        new StillFlaggedSection(),
        new PlansSection(),
        new EffectsSection(),
        new ClosingSection(),
    ];

    public static EmailContent Compose(Digest digest, Language language)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var texts = DigestTexts.For(language);
        var writer = new DigestWriter(language, FindingTexts.Subject(digest.WaveId, digest.New, digest.Continuing, language));
        foreach (var section in Sections)
        {
            section.Write(digest, texts, writer);
        }

        return writer.Finish();
    }
}
