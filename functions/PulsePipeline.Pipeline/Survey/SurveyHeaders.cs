using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>
/// Headers on every survey response, whatever its status, and (in `pulse host`) on every other response too. The
/// URL carries a personal token, so nothing may be cached or leak as a referrer; the CSP allows the one inline
/// stylesheet by hash and nothing else (no scripts, no images, no frames, forms only to this origin).
/// </summary>
public static class SurveyHeaders
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {SurveyHtml.StyleHashSource}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Every header, as name and value, in the order they are written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new("Cache-Control", "no-store"),
        new("Referrer-Policy", "no-referrer"),
        new("Content-Security-Policy", ContentSecurityPolicy),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "DENY"),
    ];

    /// <summary>Sets every header, replacing what was there: the survey's own pages.</summary>
    public static void Apply(HttpResponse response)
    {
        foreach (var (name, value) in All)
        {
            response.Headers[name] = value;
        }
    }

    /// <summary>
    /// Sets each header the handler has not set itself: a page that chose its own (stricter or equal) policy, such
    /// as the workspace's, keeps it.
    /// </summary>
    public static void ApplyMissing(HttpResponse response)
    {
        foreach (var (name, value) in All)
        {
            if (!response.Headers.ContainsKey(name))
            {
                response.Headers[name] = value;
            }
        }
    }
}
