using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace PulsePipeline.TestSupport;

/// <summary>The few calls of smtp4dev's REST API (/api/messages) the demo and the tests need.</summary>
public sealed class Smtp4devClient(Uri baseUrl) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>From PULSE_SMTP4DEV_URL, which ./pulse and ./test.sh set for the instance they started.</summary>
    public static Smtp4devClient FromEnvironment() =>
        new(new Uri(Environment.GetEnvironmentVariable("PULSE_SMTP4DEV_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:5081"));

    /// <summary>Messages whose addresses, subject or body contain the terms (all messages when null).</summary>
    public async Task<int> CountAsync(string? searchTerms, CancellationToken cancellationToken)
    {
        var page = await GetPageAsync(searchTerms, 1, 1, cancellationToken);
        return page.RowCount;
    }

    public async Task<IReadOnlyList<MailSummary>> ListAsync(string? searchTerms, CancellationToken cancellationToken)
    {
        var all = new List<MailSummary>();
        for (var number = 1; ; number++)
        {
            var page = await GetPageAsync(searchTerms, number, 500, cancellationToken);
            all.AddRange(page.Results);
            if (number >= page.PageCount)
            {
                return all;
            }
        }
    }

    public async Task<string> PlainTextAsync(string id, CancellationToken cancellationToken) =>
        await http.GetStringAsync($"api/messages/{Uri.EscapeDataString(id)}/plaintext", cancellationToken);

    public async Task<string> HtmlAsync(string id, CancellationToken cancellationToken) =>
        await http.GetStringAsync($"api/messages/{Uri.EscapeDataString(id)}/html", cancellationToken);

    public async Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await http.DeleteAsync($"api/messages/{Uri.EscapeDataString(id)}", cancellationToken)).EnsureSuccessStatusCode();

    public async Task DeleteAllAsync(CancellationToken cancellationToken) =>
        (await http.DeleteAsync("api/messages/*", cancellationToken)).EnsureSuccessStatusCode();

    public void Dispose() => http.Dispose();

    private async Task<Page> GetPageAsync(string? searchTerms, int number, int size, CancellationToken cancellationToken)
    {
        var query = $"api/messages?page={number}&pageSize={size}" + (searchTerms is null ? "" : $"&searchTerms={Uri.EscapeDataString(searchTerms)}");
        return await http.GetFromJsonAsync<Page>(query, cancellationToken) ?? throw new InvalidOperationException("smtp4dev returned no page");
    }

    private sealed record Page(
        [property: JsonPropertyName("results")] IReadOnlyList<MailSummary> Results,
        [property: JsonPropertyName("pageCount")] int PageCount,
        [property: JsonPropertyName("rowCount")] int RowCount);
}
