namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>Requests to the workspace as a browser would send them, with an optional cookie and extra headers.</summary>
internal static class WorkspaceHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? cookie = null, IEnumerable<KeyValuePair<string, string>>? form = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? cookie = null, params (string Name, string Value)[] headers) =>
        SendAsync(client, HttpMethod.Get, url, cookie, null, headers);
}
