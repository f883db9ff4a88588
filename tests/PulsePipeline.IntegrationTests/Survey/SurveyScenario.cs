using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>
/// One test's survey: its own storage prefix with a small roster and an open wave, and the local host serving
/// the HTTP routes (no queue triggers, so enqueued responses stay on the queue to be inspected).
/// </summary>
internal sealed class SurveyScenario : IAsyncDisposable
{
    public const string WaveId = "2027-03";

    private SurveyScenario(TestPipeline pipeline, Models.Roster.Roster roster, WebApplication host)
    {
        Pipeline = pipeline;
        Roster = roster;
        Host = host;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(pipeline.BaseUrl) };
    }

    public TestPipeline Pipeline { get; }

    public Models.Roster.Roster Roster { get; }

    public WebApplication Host { get; }

    public HttpClient Client { get; }

    public static SurveyInstrument Instrument => Instruments.Current;

    public static async Task<SurveyScenario> StartAsync(LogLevel logLevel = LogLevel.Warning, Action<ILoggingBuilder>? logging = null)
    {
        var pipeline = await TestPipeline.CreateAsync();
        var roster = await pipeline.ImportAsync(employees: 21, units: 7, seed: 31);
        await pipeline.Get<OpenWaveStep>().OpenAsync(WaveId, CancellationToken.None);
        var host = await pipeline.StartHttpHostAsync(logLevel, logging);
        return new SurveyScenario(pipeline, roster, host);
    }

    /// <summary>The token in the n-th employee's link, derived exactly as the invitation sender does.</summary>
    public string Token(int employee) =>
        SurveyTokens.Derive(Encoding.UTF8.GetBytes(Pipeline.Settings.Overrides["PULSE_TOKEN_SECRET"]!), WaveId, Roster.Employees[employee].Id);

    public static string Path(string token, string? lang = null) => $"/survey/{token}" + (lang is null ? "" : $"?lang={lang}");

    /// <summary>A complete, valid answer set: item i gets (i mod 5) + 1.</summary>
    public static string ValidBody() => string.Join('&', Instrument.Items.Select((item, i) => $"{item.Id}={(i % 5) + 1}"));

    public static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostAsync(string token, string body, string? lang = null) =>
        Client.PostAsync(Path(token, lang), Form(body));

    /// <summary>Messages on the responses queue, visible or not.</summary>
    public async Task<int> QueuedResponsesAsync() =>
        (await Pipeline.Storage.Queue(StorageNames.ResponsesQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async Task<TokenEntity> TokenRowAsync(string token)
    {
        var hash = SurveyTokens.Hash(token);
        return (await (await Pipeline.WaveTableAsync(WaveId)).GetEntityAsync<TokenEntity>(TokenPartition.Of(hash), hash)).Value;
    }

    public async Task ChangeWaveAsync(Action<WaveEntity> change)
    {
        var wave = (await Pipeline.Storage.Waves.GetEntityAsync<WaveEntity>(WaveEntity.Partition, WaveId)).Value;
        change(wave);
        await Pipeline.Storage.Waves.UpdateEntityAsync(wave, wave.ETag, TableUpdateMode.Replace);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Pipeline.DisposeAsync();
    }
}
