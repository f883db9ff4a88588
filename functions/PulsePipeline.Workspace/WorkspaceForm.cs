using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace PulsePipeline.Workspace;

/// <summary>A POST body as the workspace's forms send it: UTF-8 urlencoded, at most 4 KiB; anything else is refused unread.</summary>
public static class WorkspaceForm
{
    public const int MaxBodyBytes = 4096;

    /// <summary>The fields (each name once, the last value wins), or null when the body is not such a form.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return null;
        }

        return QueryHelpers.ParseQuery("?" + Encoding.UTF8.GetString(buffer, 0, length))
            .ToDictionary(f => f.Key, f => f.Value.Count > 0 ? f.Value[f.Value.Count - 1] ?? "" : "", StringComparer.Ordinal);
    }
}
