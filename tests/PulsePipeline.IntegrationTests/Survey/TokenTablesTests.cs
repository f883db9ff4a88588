using System.Text;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;
using PulsePipeline.Pipeline.Publication;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Survey;
using PulsePipeline.Pipeline.Waves;

namespace PulsePipeline.IntegrationTests.Survey;

/// <summary>
/// Links name no wave and each wave keeps its tokens in a table of its own: the survey must find a token in whichever
/// unpublished wave holds it, a wave opened after the survey last read the list of waves included, and must answer
/// 410 for a closed wave and 404 once publication has deleted the wave's table.
/// </summary>
public sealed class TokenTablesTests
{
    [Fact]
    public async Task ATokenIsFoundInItsOwnWavesTable_AlsoInAWaveOpenedAMomentAgo_AndIsUnknownOnceItsWaveIsPublished()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await pipeline.ImportAsync("unit,parent,name\nroot,,Root\na,root,A\n", "employee_id,email,language,unit\ne/1,e1@x.example,nl,a\ne#2,e2@x.example,nl,root\n");
        var secret = Encoding.UTF8.GetBytes(pipeline.Settings.Overrides["PULSE_TOKEN_SECRET"]!);
        var survey = pipeline.Get<SurveyResponses>();
        async Task<SurveyProblem?> LookupAsync(string wave, string employee) =>
            (await survey.LookupAsync(SurveyTokens.Derive(secret, wave, employee), CancellationToken.None)).Problem;

        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-03", CancellationToken.None);
        Assert.Null(await LookupAsync("2027-03", "e/1"));
        Assert.Equal(SurveyProblem.UnknownLink, await LookupAsync("2027-04", "e/1"));

        // The survey read the list of waves a moment ago, without 2027-04; its first link works all the same.
        await pipeline.Get<OpenWaveStep>().OpenAsync("2027-04", CancellationToken.None);
        Assert.Null(await LookupAsync("2027-04", "e/1"));
        Assert.Null(await LookupAsync("2027-03", "e#2"));

        await pipeline.Get<WaveStore>().EndEarlyAsync("2027-03", DateTimeOffset.UtcNow, CancellationToken.None);
        await pipeline.Get<CloseWavesStep>().RunAsync(CancellationToken.None);
        Assert.Equal(SurveyProblem.WaveClosed, await LookupAsync("2027-03", "e/1"));

        await pipeline.Storage.Queue(StorageNames.PublishQueue).ClearMessagesAsync();
        await pipeline.Get<PublishWaveStep>().HandleAsync(QueueMessages.Serialize(new WaveMessage("2027-03")), CancellationToken.None);
        Assert.Equal(SurveyProblem.UnknownLink, await LookupAsync("2027-03", "e/1"));
        Assert.Null(await LookupAsync("2027-04", "e#2"));
    }
}
