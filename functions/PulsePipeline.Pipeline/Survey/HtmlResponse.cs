using System.Text;
using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Pipeline.Survey;

/// <summary>Writes a rendered page, for the survey and the workspace alike: HEAD gets the same status, headers and length without the body.</summary>
public static class HtmlResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string html)
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
}
