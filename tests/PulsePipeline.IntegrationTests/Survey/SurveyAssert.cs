namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>What every survey response must carry, whatever its status.</summary>
internal static class SurveyAssert
{
    public static void SecurityHeaders(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(response.Headers.CacheControl?.NoStore, $"{status}: Cache-Control: no-store");
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        var csp = Single(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'none'", "style-src 'sha256-", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'" })
        {
            Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{status}: the CSP has {directive}");
        }

        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.False(response.Headers.Contains("Server"), $"{status}: no Server header");
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
