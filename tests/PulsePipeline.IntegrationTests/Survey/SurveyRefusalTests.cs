using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>Every refusal: a clear page with a precise status and the security headers; nothing enqueued, the token unused.</summary>
public sealed class SurveyRefusalTests
{
    public static TheoryData<string> BadTokens => new()
    {
        new string('A', 43),
        "short",
        new string('A', 44),
        new string('A', 4000),
        "ÄAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%20",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.",
        "a/b",
        "",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task UnknownOrMalformedToken_Is404_ForGetAndPost(string token)
    {
        await using var survey = await SurveyScenario.StartAsync();

        using var get = await survey.Client.GetAsync("/survey/" + Uri.EscapeDataString(token).Replace("%2F", "/", StringComparison.Ordinal) + "?lang=en");
        using var post = await survey.Client.PostAsync("/survey/" + Uri.EscapeDataString(token), SurveyScenario.Form(SurveyScenario.ValidBody()));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        SurveyAssert.SecurityHeaders(get);
        SurveyAssert.SecurityHeaders(post);
        Assert.Contains("This link does not work", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Deze link werkt niet", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await survey.QueuedResponsesAsync());
    }

    [Theory]
    [InlineData("state")]
    [InlineData("time")]
    public async Task ClosedWave_Is410_ForGetAndPost(string how)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);
        await survey.ChangeWaveAsync(w =>
        {
            if (how == "state")
            {
                w.State = WaveStates.Closed;
            }
            else
            {
                w.ClosesAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            }
        });

        using var get = await survey.Client.GetAsync(SurveyScenario.Path(token, "en"));
        using var post = await survey.PostAsync(token, SurveyScenario.ValidBody());

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        SurveyAssert.SecurityHeaders(post);
        Assert.Contains("This survey has closed", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Deze peiling is gesloten", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await survey.QueuedResponsesAsync());
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Fact]
    public async Task MalformedAnswers_Get400WithTheFormAndItsErrors_AndChangeNothing()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);
        var valid = SurveyScenario.ValidBody();
        var bodies = new Dictionary<string, string>
        {
            ["empty"] = "",
            ["missing item"] = valid[(valid.IndexOf('&', StringComparison.Ordinal) + 1)..],
            ["value 0"] = valid.Replace("p1=1", "p1=0", StringComparison.Ordinal),
            ["value 6"] = valid.Replace("p1=1", "p1=6", StringComparison.Ordinal),
            ["value x"] = valid.Replace("p1=1", "p1=x", StringComparison.Ordinal),
            ["empty value"] = valid.Replace("p1=1", "p1=", StringComparison.Ordinal),
            ["unknown field"] = valid + "&comment=hello",
            ["duplicated field"] = valid + "&p1=1",
            ["duplicated through encoding"] = valid + "&p%31=2",
            ["bad escapes"] = valid + "&%zz=%",
        };

        var failures = new List<string>();
        foreach (var (name, body) in bodies)
        {
            using var response = await survey.PostAsync(token, body, "en");
            var html = await response.Content.ReadAsStringAsync();
            SurveyAssert.SecurityHeaders(response);
            if (response.StatusCode != HttpStatusCode.BadRequest || !html.Contains("There is a problem", StringComparison.Ordinal) || !html.Contains("<form method=\"post\"", StringComparison.Ordinal))
            {
                failures.Add($"{name}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(0, await survey.QueuedResponsesAsync());
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded; charset=iso-8859-1")]
    public async Task WrongContentType_Is415(string? contentType)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(SurveyScenario.ValidBody()));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);

        using var response = await survey.Client.PostAsync(SurveyScenario.Path(token), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.Contains("Het formulier kon niet worden gelezen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await survey.QueuedResponsesAsync());
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OversizedBody_Is413_WithOrWithoutALength(bool withLength)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);
        var body = Encoding.UTF8.GetBytes(SurveyScenario.ValidBody() + "&" + new string('p', 200_000) + "=1");
        HttpContent content = withLength ? new ByteArrayContent(body) : new StreamContent(new UnknownLengthStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await survey.Client.PostAsync(SurveyScenario.Path(token, "en"), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.Contains("The form was too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await survey.QueuedResponsesAsync());
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task OtherMethods_Get405_WithAllow(string method)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);

        using var response = await survey.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), SurveyScenario.Path(token)) { Content = SurveyScenario.Form(SurveyScenario.ValidBody()) });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(0, await survey.QueuedResponsesAsync());
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Fact]
    public async Task StorageFailure_Is503WithAPage_AndTheTokenStaysUnused()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);
        await survey.Pipeline.Storage.Queue(StorageNames.ResponsesQueue).DeleteAsync();

        using var response = await survey.PostAsync(token, SurveyScenario.ValidBody(), "en");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Please try again in a few minutes with the same link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }

    [Fact]
    public async Task HostLogs_NeverContainTokensHashesOrAnswers_EvenAtTrace()
    {
        var captured = new CapturingLoggerProvider();
        string token;
        await using (var survey = await SurveyScenario.StartAsync(LogLevel.Trace, logging => logging.AddProvider(captured)))
        {
            token = survey.Token(0);
            using var get = await survey.Client.GetAsync(SurveyScenario.Path(token));
            using var bad = await survey.PostAsync(token, "p1=1&secretfield=42");
            using var ok = await survey.PostAsync(token, SurveyScenario.ValidBody());
            using var used = await survey.PostAsync(token, SurveyScenario.ValidBody());
            using var unknown = await survey.Client.GetAsync(SurveyScenario.Path(new string('B', 43)));
            await survey.Pipeline.Storage.Queue(StorageNames.ResponsesQueue).DeleteAsync();
            using var failed = await survey.PostAsync(survey.Token(1), SurveyScenario.ValidBody());
            Assert.Equal([200, 400, 200, 409, 404, 503], new[] { get, bad, ok, used, unknown, failed }.Select(r => (int)r.StatusCode));
        }

        Assert.NotEmpty(captured.Lines);
        string[] secrets = [token, Models.Tokens.SurveyTokens.Hash(token), new string('B', 43), "secretfield", "/survey/", SurveyScenario.ValidBody()[..20]];
        Assert.DoesNotContain(captured.Lines, line => secrets.Any(s => line.Contains(s, StringComparison.Ordinal)));
    }

    /// <summary>A body without Content-Length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
