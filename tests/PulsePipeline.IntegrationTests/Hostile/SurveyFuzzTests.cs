using System.Text;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Faults;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.LocalHost;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Tallies;
using Xunit.Abstractions;

namespace PulsePipeline.IntegrationTests.Hostile;

/// <summary>
/// A few thousand hostile requests against the survey route, seeded so every run sends the same ones: random and
/// malicious tokens, wrong methods and content types, oversized, truncated and mis-framed bodies, duplicated,
/// missing and out-of-range fields, and replays of valid submissions, mixed with real answers. No answer is ever a
/// 5xx; where the outcome is known it is exactly that; and the tallies hold the valid answers and nothing else.
/// </summary>
public sealed class SurveyFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 3000;
    private const string Form = "application/x-www-form-urlencoded";

    [Fact]
    public async Task ThousandsOfHostileRequests_NeverGetA5xx_AndTalliesChangeOnlyByTheValidAnswers()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var wave = await AnsweredWave.OpenAsync(pipeline, employees: 40, units: 8, seed: 111);
        var log = new CapturingLoggerProvider();
        await using var host = LocalPipelineHost.Create(pipeline.Settings, pipeline.BaseUrl, LogLevel.Warning, b => b.AddProvider(log), triggers: []);
        await host.StartAsync();

        var fuzz = new Fuzz(wave, new Random(20270), pipeline.HttpPort);
        var statuses = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        var wrong = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (kind, status, expected) = await fuzz.NextAsync();
            var counts = statuses.TryGetValue(kind, out var c) ? c : statuses[kind] = [];
            counts[status] = counts.GetValueOrDefault(status) + 1;
            // A client that closes its side before the body is complete has closed the connection: Kestrel answers nothing.
            var closedEarly = kind == "truncated body" && status == 0;
            if (status >= 500 || (expected is { } want ? status != want : status is not (>= 400 and < 500) && !closedEarly))
            {
                wrong.Add($"#{i} {kind}: {status}, expected {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "a 4xx"}");
            }
        }

        foreach (var (kind, counts) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind,-28} {string.Join("  ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}×{c.Value}"))}");
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Take(30)));

        // A body that stalls half-way (not closed, just slow) times out with a 408 page, not a 503.
        var stalled = Encoding.UTF8.GetBytes(AnsweredWave.FormBody(AnsweredWave.RandomAnswers(new Random(1))));
        Assert.Equal(408, await RawHttp.SendAsync(pipeline.HttpPort, "POST", "/survey/" + wave.Token(wave.Roster.Employees[0]), [("Content-Type", Form), ("Content-Length", "4000")], stalled, stallAfterBody: true));
        await host.StopAsync();

        // None of this was a server fault: the survey logged no failure (it logs only failures, by kind).
        Assert.DoesNotContain(log.Lines, l => l.Contains("Survey request failed", StringComparison.Ordinal));

        // Exactly one message per accepted answer, and the tallies equal those answers.
        Assert.Equal(fuzz.Accepted, await wave.QueuedAsync(StorageNames.ResponsesQueue));
        await QueueDriver.DeliverAllAsync(pipeline, StorageNames.ResponsesQueue, pipeline.Get<TallyResponseStep>().HandleAsync, times: 1);
        await wave.AssertTalliesExactAsync();
        Assert.InRange(fuzz.Accepted, 20, wave.Roster.Employees.Count);

        // Nothing the employees sent, nor their links, reached the log.
        var text = string.Join('\n', log.Lines);
        Assert.All(wave.Roster.Employees, e => Assert.DoesNotContain(wave.Token(e), text, StringComparison.Ordinal));
    }

    /// <summary>The request generator and what each request must get, given which links were used so far.</summary>
    private sealed class Fuzz(AnsweredWave wave, Random random, int port)
    {
        // Not "get" or "post": ASP.NET Core compares methods without regard to case, so those are GET and POST.
        private static readonly string[] Methods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND", "CONNECT"];
        private static readonly string[] WrongTypes = ["text/plain", "application/json", "multipart/form-data; boundary=x", Form + "; charset=iso-8859-1", Form + "; charset=utf-16", "application/x-www-form-urlencoded2", ""];
        private static readonly string[] BadValues = ["0", "6", "-1", "10", "3 ", " 3", "03", "3.0", "three", "", "+3", "３", "3%00", "%FF", "1e0", "0x3"];

        private static readonly string[] EvilTokens = BuildEvilTokens();

        private static string[] BuildEvilTokens() =>
        [
            "../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", "AAAA%00AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "%0d%0aSet-Cookie:%20x=1", "<script>alert(1)</script>", "%3Cscript%3E", "' OR '1'='1", "$(reboot)", "%C0%AE%C0%AE%2F",
            string.Concat(Enumerable.Repeat("%EF%BC%A1", 43)), "%E2%80%AE", "..;/", "//evil.example/", "?lang=en", "#",
        ];

        private readonly HashSet<string> used = new(StringComparer.Ordinal);

        public int Accepted { get; private set; }

        public async Task<(string Kind, int Status, int? Expected)> NextAsync()
        {
            var employee = wave.Roster.Employees[random.Next(wave.Roster.Employees.Count)];
            var token = wave.Token(employee);
            var isUsed = used.Contains(token);
            var answers = AnsweredWave.RandomAnswers(random);
            var valid = AnsweredWave.FormBody(answers);
            switch (random.Next(16))
            {
                case 0:
                    return ("random token", await PostAsync(RandomToken(), valid), 404);
                case 1:
                    return ("malicious token", await SendAsync(random.Next(2) == 0 ? "GET" : "POST", "/survey/" + EvilTokens[random.Next(EvilTokens.Length)], Form, valid), null);
                case 2:
                    return ("overlong token", await SendAsync("GET", "/survey/" + new string('A', random.Next(44, 20_000)), null, ""), null);
                case 3:
                    return ("raw non-ASCII target", await SendAsync("GET", "/survey/" + token[..20] + "\u00c3\u00a9" + token[22..], null, ""), null);
                case 4:
                    return ("token with a bit flipped", await PostAsync(Flip(token), valid), 404);
                case 5:
                    return ("wrong method", await SendAsync(Methods[random.Next(Methods.Length)], "/survey/" + token, Form, valid), null);
                case 6:
                    return ("wrong content type", await SendAsync("POST", "/survey/" + token, WrongTypes[random.Next(WrongTypes.Length)], valid), 415);
                case 7:
                    return ("oversized body", await PostAsync(token, valid + "&" + new string('x', random.Next(4_100, 200_000)) + "=1"), 413);
                case 8:
                    var bytes = Encoding.UTF8.GetBytes(valid);
                    return ("truncated body", await RawHttp.SendAsync(port, "POST", "/survey/" + token, [("Content-Type", Form), ("Content-Length", (bytes.Length + 20).ToString(System.Globalization.CultureInfo.InvariantCulture))], bytes, truncateAt: random.Next(bytes.Length)), null);
                case 9:
                    return ("bad chunked framing", await RawHttp.SendAsync(port, "POST", "/survey/" + token, [("Content-Type", Form), ("Transfer-Encoding", "chunked")], Encoding.ASCII.GetBytes("zz\r\n" + valid + "\r\n0\r\n\r\n")), null);
                case 10:
                    return ("missing field", await PostAsync(token, string.Join('&', answers.Skip(1).Select(a => $"{a.Key}={a.Value}"))), isUsed ? 409 : 400);
                case 11:
                    return ("duplicated field", await PostAsync(token, valid + $"&{answers.Keys.First()}={random.Next(1, 6)}"), isUsed ? 409 : 400);
                case 12:
                    var item = answers.Keys.ElementAt(random.Next(answers.Count));
                    return ("out-of-range value", await PostAsync(token, valid.Replace($"{item}={answers[item]}", $"{item}={Uri.EscapeDataString(BadValues[random.Next(BadValues.Length)])}", StringComparison.Ordinal)), isUsed ? 409 : 400);
                case 13:
                    return ("extra field", await PostAsync(token, valid + "&comment=" + Uri.EscapeDataString("<b>naam</b>")), isUsed ? 409 : 400);
                case 14:
                    return ("form with a valid link", await SendAsync(random.Next(2) == 0 ? "GET" : "HEAD", "/survey/" + token + (random.Next(2) == 0 ? "?lang=en" : "?lang=xx&lang=en"), null, ""), isUsed ? 409 : 200);
                default:
                    var status = await PostAsync(token, valid);
                    if (status == 200)
                    {
                        used.Add(token);
                        Accepted++;
                        wave.Expect(employee.Unit, answers);
                    }

                    return (isUsed ? "replayed valid answer" : "valid answer", status, isUsed ? 409 : 200);
            }
        }

        private Task<int> PostAsync(string token, string body) => SendAsync("POST", "/survey/" + token, Form, body);

        private Task<int> SendAsync(string method, string target, string? contentType, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var headers = new List<(string, string)> { ("Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            if (contentType is { Length: > 0 })
            {
                headers.Add(("Content-Type", contentType));
            }

            return RawHttp.SendAsync(port, method, target, headers, bytes);
        }

        private string RandomToken()
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var length = random.Next(5) == 0 ? random.Next(0, 200) : 43;
            return string.Concat(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
        }

        private string Flip(string token)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var chars = token.ToCharArray();
            var at = random.Next(chars.Length);
            chars[at] = Alphabet[Alphabet.IndexOf(chars[at], StringComparison.Ordinal) ^ (1 << random.Next(6))];
            return new string(chars);
        }
    }
}
