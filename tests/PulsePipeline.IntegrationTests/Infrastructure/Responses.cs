using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Messages;
using PulsePipeline.Models.Tokens;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>Response messages as the survey form enqueues them, for tests of the steps behind it.</summary>
internal static class Responses
{
    /// <summary>A respondent who gives the same answer to every item.</summary>
    public static ResponseMessage Uniform(string waveId, string unitId, int answer, string? tokenHash = null) => new(
        waveId,
        unitId,
        tokenHash ?? SurveyTokens.Hash(Guid.NewGuid().ToString("N")),
        Instruments.Current.Version,
        Instruments.Current.Items.ToDictionary(i => i.Id, _ => answer));

    public static string Json(ResponseMessage message) => QueueMessages.Serialize(message);
}
