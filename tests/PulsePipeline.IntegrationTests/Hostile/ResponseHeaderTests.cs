using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// Every response of `pulse host` carries the survey's security headers, whatever answers: the survey itself,
/// the 404 page for paths nothing serves (mangled survey links among them), the health check, the 400 page for a host
/// this app does not serve, and the rejections
/// Kestrel writes by itself before any middleware runs (400, 414, 431, 505). Sent byte by byte over sockets, so
/// nothing between the test and the host repairs a request.
/// </summary>
public sealed class ResponseHeaderTests
{
    private static IEnumerable<(string What, string Request, int Status)> Requests(string token, int port) =>
    [
        ("the form", $"GET /survey/{token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 200),
        ("a method no form sends", $"PUT /survey/{token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 405),
        ("an unknown link", $"GET /survey/not-a-token HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 404),
        ("a doubled slash", $"GET //survey/{token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 404),
        ("an encoded slash", $"GET /survey%2F{token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 404),
        ("the root", $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 404),
        ("a file nothing serves", $"GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 404),
        ("the health check", $"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 200),
        ("a host this app does not serve", $"GET /survey/{token} HTTP/1.1\r\nHost: rebind.example:{port}\r\nConnection: close\r\n\r\n", 400),
        ("the health check under a host it does not serve", $"GET /healthz HTTP/1.1\r\nHost: rebind.example:{port}\r\nConnection: close\r\n\r\n", 400),
        ("Kestrel: a malformed header line", $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nno colon here\r\nConnection: close\r\n\r\n", 400),
        ("Kestrel: no Host header", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        ("Kestrel: a target over its limit", $"GET /survey/{new string('a', 10_000)} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 414),
        ("Kestrel: headers over their limit", $"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Big: {new string('b', 40_000)}\r\nConnection: close\r\n\r\n", 431),
        ("Kestrel: an HTTP version it does not speak", $"GET / HTTP/1.2\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n", 505),
    ];

    [Fact]
    public async Task EveryStatus_CarriesTheSurveyHeaders_KestrelsOwnIncluded()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 24, units: 8, seed: 7);
        await using var host = await pipeline.StartHttpHostAsync();
        var token = wave.Token(wave.Roster.Employees[0]);
        var problems = new List<string>();

        foreach (var (what, request, expected) in Requests(token, pipeline.HttpPort))
        {
            var (status, headers) = await RawHttp.ExchangeAsync(pipeline.HttpPort, request);
            if (status != expected)
            {
                problems.Add($"{what}: {status}, expected {expected}");
            }

            foreach (var (name, value) in SurveyHeaders.All)
            {
                if (!headers.TryGetValue(name, out var got) || got != value)
                {
                    problems.Add($"{what} ({status}): {name} is {got ?? "missing"}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await host.StopAsync();
    }
}
