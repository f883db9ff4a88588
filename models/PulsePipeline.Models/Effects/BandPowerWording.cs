namespace PulsePipeline.Models.Effects;

/// <summary>
/// A size band's power in words, in the order a page shows the parts: <c>Lead Band Asks Size Found [share] Over [effects]
/// After</c>. Band and Size are labels, the share and the number of effects are figures (EffectReasonTexts.BandPowerWords).
/// </summary>
public sealed record BandPowerWording(string Lead, string Band, string Asks, string Size, string Found, string Over, string After)
{
    /// <summary>The sentence with the share and the number of effects already written, for tests and plain text.</summary>
    public string With(string share, string effects) => $"{Lead}{Band}{Asks}{Size}{Found}{share}{Over}{effects}{After}";
}
