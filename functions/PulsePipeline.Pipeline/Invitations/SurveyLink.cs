using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Pipeline.Invitations;

/// <summary>The personal survey link: {base}/survey/{token}?lang=nl|en.</summary>
public static class SurveyLink
{
    public static Uri For(string baseUrl, string token, Language language) =>
        new($"{baseUrl.TrimEnd('/')}/survey/{token}?lang={language.Code()}");
}
