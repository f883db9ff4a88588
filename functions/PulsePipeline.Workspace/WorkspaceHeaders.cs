using Microsoft.AspNetCore.Http;
using PulsePipeline.Workspace.Rendering;

namespace PulsePipeline.Workspace;

/// <summary>
/// Headers on every workspace response, whatever its status: nothing cached or sent on as a referrer, and a CSP that
/// allows the one inline stylesheet by its hash and nothing else (no script, no images, forms only to this origin,
/// no framing, no base URL). The handler sets them itself, so a host's own header middleware has nothing to add.
/// </summary>
public static class WorkspaceHeaders
{
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src {WorkspaceStyle.HashSource}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

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
