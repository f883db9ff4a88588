using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// What a survey page needs to know about its request and the deployment: the language, the path of this
/// token's form (without query; the token is in it, so pages are never cached or sent as a referrer), k and
/// the two help links.
/// </summary>
public sealed record SurveyPage(Language Language, string? FormPath, int K, string AdviserUrl, string ChannelUrl)
{
    /// <summary>The form in <paramref name="language"/>: the path with ?lang=, or null without a usable token.</summary>
    public string? FormHref(Language language) => FormPath is null ? null : $"{FormPath}?lang={language.Code()}";

    public Language OtherLanguage => Language == Language.Nl ? Language.En : Language.Nl;
}
