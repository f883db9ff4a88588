using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Records what storage answered when a message was put on a queue: which queue, when the service inserted it and
/// when the service will first show it. Both times come from the storage service's own clock, so their difference
/// is the visibility delay the message really got. A message that is not yet visible cannot be peeked, so this is
/// the only way to see it; nothing is changed on the way.
/// </summary>
internal sealed class QueueSendTap : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<SentMessage> sent = new();

    public IReadOnlyCollection<SentMessage> Sent => sent;

    /// <summary>Puts the tap on the pipeline's queue client (for <see cref="TestPipeline.CreateAsync"/>'s services).</summary>
    public void Install(IServiceCollection services) =>
        services.AddSingleton(sp => StorageClients.FromConfiguration(sp.GetRequiredService<IConfiguration>(), this));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Record(message);
    }

    private void Record(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        if (message.Request.Method != RequestMethod.Post || !path.EndsWith("/messages", StringComparison.Ordinal) || message.Response.Status != 201)
        {
            return;
        }

        var queue = path.Split('/')[^2];
        foreach (var item in XDocument.Parse(message.Response.Content.ToString()).Descendants("QueueMessage"))
        {
            sent.Enqueue(new SentMessage(queue, Time(item, "InsertionTime"), Time(item, "TimeNextVisible")));
        }
    }

    private static DateTimeOffset Time(XElement item, string name) =>
        DateTimeOffset.ParseExact(item.Element(name)!.Value, "r", CultureInfo.InvariantCulture);

    internal sealed record SentMessage(string Queue, DateTimeOffset InsertedOn, DateTimeOffset NextVisibleOn)
    {
        public TimeSpan Delay => NextVisibleOn - InsertedOn;
    }
}
