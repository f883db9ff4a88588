using Microsoft.AspNetCore.Http;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.Workspace;

/// <summary>Writes a rendered page or a redirect; HEAD gets the same headers and length without the body.</summary>
public static class WorkspaceResponder
{
    public static Task HtmlAsync(HttpContext context, int status, string html) => HtmlResponse.WriteAsync(context, status, html);

    /// <summary>303 See Other: after a POST the browser fetches the next page with GET.</summary>
    public static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
    }
}
