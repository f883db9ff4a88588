using System.Net;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>The form and its submission through the local host over HTTP, on Azurite.</summary>
public sealed class SurveySubmissionTests
{
    [Theory]
    [InlineData(null, "nl", "Antwoorden versturen", "Helemaal oneens")]
    [InlineData("nl", "nl", "Antwoorden versturen", "Helemaal oneens")]
    [InlineData("en", "en", "Submit answers", "Strongly disagree")]
    [InlineData("fr", "nl", "Antwoorden versturen", "Helemaal oneens")]
    public async Task Get_ShowsTheWholeFormInTheLinksLanguage_DutchByDefault(string? lang, string expected, string submit, string firstLabel)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(0);

        using var response = await survey.Client.GetAsync(SurveyScenario.Path(token, lang));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains(submit, html, StringComparison.Ordinal);
        Assert.Contains(firstLabel, html, StringComparison.Ordinal);
        Assert.Equal(SurveyScenario.Instrument.Items.Count * 5, html.Split("type=\"radio\"").Length - 1);
        Assert.Contains($"action=\"/survey/{token}?lang={expected}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/survey/{token}?lang={(expected == "nl" ? "en" : "nl")}\"", html, StringComparison.Ordinal);
        Assert.False((await survey.TokenRowAsync(token)).Used, "showing the form uses nothing (mail scanners open links)");
    }

    [Fact]
    public async Task ValidPost_EnqueuesExactlyOneIdentityFreeResponse_AndMarksTheTokenUsed()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var employee = survey.Roster.Employees[3];
        var token = survey.Token(3);

        using var response = await survey.PostAsync(token, SurveyScenario.ValidBody(), "en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SurveyAssert.SecurityHeaders(response);
        Assert.Contains("Thank you for your answers", html, StringComparison.Ordinal);
        Assert.Contains("https://www.huisvoorklokkenluiders.nl", html, StringComparison.Ordinal);
        Assert.True((await survey.TokenRowAsync(token)).Used);

        QueueMessage[] messages = await survey.Pipeline.Storage.Queue(StorageNames.ResponsesQueue).ReceiveMessagesAsync(32);
        var text = Assert.Single(messages).Body.ToString();
        Assert.Equal(1, await survey.QueuedResponsesAsync());
        using var json = JsonDocument.Parse(text);
        Assert.Equal(["answers", "instrumentVersion", "tokenHash", "unitId", "waveId"], json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(SurveyScenario.WaveId, json.RootElement.GetProperty("waveId").GetString());
        Assert.Equal(employee.Unit, json.RootElement.GetProperty("unitId").GetString());
        Assert.Equal(SurveyTokens.Hash(token), json.RootElement.GetProperty("tokenHash").GetString());
        var wave = (await survey.Pipeline.Storage.Waves.GetEntityAsync<WaveEntity>(WaveEntity.Partition, SurveyScenario.WaveId)).Value;
        Assert.Equal(wave.InstrumentVersion, json.RootElement.GetProperty("instrumentVersion").GetString());
        var answers = json.RootElement.GetProperty("answers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(SurveyScenario.Instrument.Items.Select((item, i) => (item.Id, (i % 5) + 1)).Order(), answers.Select(a => (a.Key, a.Value)).Order());
        Assert.DoesNotContain(employee.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(employee.Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondPost_Gets409InTheEmployeesLanguage_AndEnqueuesNothing()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(1);
        using var first = await survey.PostAsync(token, SurveyScenario.ValidBody());

        using var second = await survey.PostAsync(token, SurveyScenario.ValidBody(), "nl");
        using var again = await survey.Client.GetAsync(SurveyScenario.Path(token, "en"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        SurveyAssert.SecurityHeaders(second);
        Assert.Contains("U heeft deze vragenlijst al ingevuld", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You have already answered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await survey.QueuedResponsesAsync());
    }

    [Fact]
    public async Task ConcurrentPostsWithOneToken_OneIsAccepted_TheOthersGet409_AndOneMessageRemains()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(2);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => survey.PostAsync(token, SurveyScenario.ValidBody())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(11, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await survey.QueuedResponsesAsync());
        Assert.True((await survey.TokenRowAsync(token)).Used);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task EachEmployeesPost_CountsForTheirOwnUnit()
    {
        await using var survey = await SurveyScenario.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            using var response = await survey.PostAsync(survey.Token(i * 4), SurveyScenario.ValidBody());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        QueueMessage[] messages = await survey.Pipeline.Storage.Queue(StorageNames.ResponsesQueue).ReceiveMessagesAsync(32);
        var units = messages.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.GetProperty("unitId").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => survey.Roster.Employees[i * 4].Unit).Order(StringComparer.Ordinal), units);
    }

    [Theory]
    [InlineData("{0}/")]
    [InlineData("{0}?lang=en&lang=nl")]
    [InlineData("%{1}{2}")]
    public async Task LinkVariants_OfAGoodToken_ShowTheFormWithTheCanonicalLink(string pattern)
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(5);
        // %XX of the first character: the host decodes the path, so it is the same token.
        var first = Convert.ToHexString([(byte)token[0]]);
        var path = "/survey/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, token, first, token[1..]);

        using var response = await survey.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/survey/{token}?lang=nl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_AnswersLikeGet_WithoutABody_AndUsesNothing()
    {
        await using var survey = await SurveyScenario.StartAsync();
        var token = survey.Token(6);

        using var known = await survey.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, SurveyScenario.Path(token)));
        using var unknown = await survey.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, SurveyScenario.Path(new string('A', 43))));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Empty(await known.Content.ReadAsByteArrayAsync());
        Assert.True(known.Content.Headers.ContentLength > 1000);
        SurveyAssert.SecurityHeaders(known);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        SurveyAssert.SecurityHeaders(unknown);
        Assert.False((await survey.TokenRowAsync(token)).Used);
    }
}
