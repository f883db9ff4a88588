using System.Text;
using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Workspace;

/// <summary>Writes a rendered page or a redirect; HEAD gets the same headers and length without the body.</summary>
public static class WorkspaceResponder
{
    public static async Task HtmlAsync(HttpContext context, int status, string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, CancellationToken.None);
        }
    }

    /// <summary>303 See Other: after a POST the browser fetches the next page with GET.</summary>
    public static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        context.Response.ContentLength = 0;
    }
}
