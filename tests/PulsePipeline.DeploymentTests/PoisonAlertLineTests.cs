using PulsePipeline.TestSupport;
using System.Globalization;
using System.Text.Json.Nodes;
using PulsePipeline.DeploymentTests.Bindings;
using PulsePipeline.DeploymentTests.Monitoring;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The poison alert counts the lines it exists for, and Application Insights keeps every one of them. The host's line
/// is taken from the queue extension the Functions app deploys (its build output's .azurefunctions folder, the very
/// assembly the Functions host loads in Azure): QueueProcessor.CopyMessageToPoisonQueueAsync logs
/// "Message has reached MaxDequeueCount of {0}. Moving message to queue '{1}'." at Warning (Microsoft.Azure.WebJobs.
/// Extensions.Storage.Queues 5.3.x, src/Queues/QueueProcessor.cs in Azure/azure-sdk-for-net; the same text since the
/// WebJobs SDK's QueueProcessor). The pipeline's own line is its log template in PoisonQueues.MoveAsync.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class PoisonAlertLineTests(CompiledTemplate template)
{
    private static readonly string QueueExtension = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path)!, ".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll");

    [Fact]
    public void TheAlertQuery_CountsTheHostsPoisonLine_AndThePipelines_AndNotAnOrdinaryLine()
    {
        var keeps = KqlWhere.Compile(AlertQuery(), "traces");
        var hostFormat = AssemblyStrings.Single(QueueExtension, "Moving message to queue");
        var hostLine = string.Format(CultureInfo.InvariantCulture, hostFormat, PoisonMessages.MaxDeliveries, StorageNames.InvitationsQueue + "-poison");
        var ourTemplate = AssemblyStrings.Single(typeof(PoisonQueues).Assembly.Location, "Moved a message from");
        var ourLine = ourTemplate.Replace("{Queue}", "alerts", StringComparison.Ordinal).Replace("{PoisonQueue}", "alerts-poison", StringComparison.Ordinal)
            .Replace("{Reason}", "failed 5 deliveries; the last with IOException: connection reset", StringComparison.Ordinal);

        Assert.Equal("Message has reached MaxDequeueCount of 5. Moving message to queue 'invitations-poison'.", hostLine);
        Assert.True(keeps(hostLine), hostLine);
        Assert.True(keeps(ourLine), ourLine);
        Assert.False(keeps("Batch b-17 of wave 2027-03 round 0: 100 sent, 0 rejected, 0 skipped, 0 left for retry"));
        Assert.False(keeps("Message has been dequeued '3' time(s)."));
    }

    [Fact]
    public void TheQueryReader_RefusesWhatItCannotJudge()
    {
        Assert.Throws<NotSupportedException>(() => KqlWhere.Compile("traces | where message !contains \"-poison\"", "traces"));
        Assert.Throws<NotSupportedException>(() => KqlWhere.Compile("exceptions | where message contains \"-poison\"", "traces"));
        Assert.Throws<NotSupportedException>(() => KqlWhere.Compile("traces | where message contains \"a\" | take 1", "traces"));
        Assert.True(KqlWhere.Compile("traces | where (message has \"poison\" or message contains_cs \"X\") and message contains \"q\"", "traces")("a poison queue"));
        Assert.False(KqlWhere.Compile("traces | where message has \"poison\"", "traces")("invitations-poisoned"));
    }

    /// <summary>
    /// The host samples its own telemetry unless told not to (samplingSettings, read by azure-functions-host's
    /// ApplicationInsightsLoggerOptionsSetup): traces must be excluded from it, or sampling switched off, or the
    /// 15-minute alert can miss the one line a poisoning writes. The worker's own sampling is off in the app settings.
    /// </summary>
    [Fact]
    public void HostJson_KeepsEveryTrace_AndTheAppSettingsKeepTheWorkersToo()
    {
        var sampling = JsonNode.Parse(RepositoryRoot.ReadAllText("functions", "PulsePipeline.Functions", "host.json"))!["logging"]!["applicationInsights"]!["samplingSettings"]!;
        var excluded = sampling["excludedTypes"]?.GetValue<string>().Split(';', StringSplitOptions.TrimEntries) ?? [];

        Assert.True(sampling["isEnabled"]?.GetValue<bool>() == false || excluded.Contains("Trace", StringComparer.OrdinalIgnoreCase), sampling.ToJsonString());
        Assert.Contains("\"ApplicationInsights__EnableAdaptiveSampling\": \"false\"", template.Text, StringComparison.Ordinal);
    }

    /// <summary>The host logs at Warning; host.json must not raise its queue category above that.</summary>
    [Fact]
    public void HostJson_LetsTheHostsWarningsThrough()
    {
        var levels = JsonNode.Parse(RepositoryRoot.ReadAllText("functions", "PulsePipeline.Functions", "host.json"))!["logging"]!["logLevel"]!.AsObject();

        Assert.All(levels, l => Assert.Contains(l.Value!.GetValue<string>(), new[] { "Trace", "Debug", "Information", "Warning" }));
    }

    private string AlertQuery() =>
        JsonTree.Descendants(template.Json).OfType<JsonObject>()
            .Single(o => o["type"]?.ToString() == "Microsoft.Insights/scheduledQueryRules" && o["apiVersion"] is not null)["properties"]!["criteria"]!["allOf"]![0]!["query"]!.GetValue<string>();
}
