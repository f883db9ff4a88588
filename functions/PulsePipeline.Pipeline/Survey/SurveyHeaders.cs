using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Headers on every survey response, whatever its status. The URL carries a personal token, so nothing may be
/// cached or leak as a referrer; the CSP allows the one inline stylesheet by hash and nothing else (no scripts,
/// no images, no frames, forms only to this origin).
/// </summary>
internal static class SurveyHeaders
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {SurveyHtml.StyleHashSource}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
    }
}
