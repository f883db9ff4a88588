namespace PulsePipeline.Models.Alerts;

/// <summary>
/// One part of the IPIM digest. <see cref="IpimDigest.Sections"/> lists them in order; a new part (say, the effects of
/// earlier interventions) is a new section with its data on <see cref="Digest"/> and its words in both languages on
/// <see cref="DigestTexts"/>.
/// </summary>
public interface IDigestSection
{
    void Write(Digest digest, DigestTexts texts, DigestWriter writer);
}
