using System.Reflection;
using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.IntegrationTests.Functions;

/// <summary>
/// Drives the Functions app's functions against real storage as the Functions host would: each queue function
/// receives the messages of the queue its own trigger names (not the queue the steps write to, so a mismatch
/// shows), timers get a TimerInfo, HTTP functions a request. Records which functions ran.
/// </summary>
internal sealed class FunctionCalls(IServiceProvider services, IReadOnlyList<AzureFunction> functions)
{
    private readonly QueueServiceClient queues = services.GetRequiredService<StorageClients>().Queues;

    public HashSet<string> Invoked { get; } = new(StringComparer.Ordinal);

    public async Task TimerAsync(AzureFunction function)
    {
        await function.InvokeAsync(services, p => p.ParameterType == typeof(TimerInfo) ? new TimerInfo() : Unknown(function, p));
        Invoked.Add(function.Name);
    }

    /// <summary>Runs queue functions on their queues' messages until every trigger queue is empty (deferred messages included).</summary>
    public async Task DrainAsync(TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        var queued = functions.Where(f => f.Kind == AzureFunction.QueueKind).ToList();
        while (true)
        {
            var worked = false;
            foreach (var function in queued)
            {
                var queue = queues.GetQueueClient(function.Queue);
                QueueMessage[] batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
                foreach (var message in batch)
                {
                    await function.InvokeAsync(services, p => p.GetCustomAttribute<QueueTriggerAttribute>() is not null ? message.Body.ToString() : p.Name == "dequeueCount" ? message.DequeueCount : Unknown(function, p));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    Invoked.Add(function.Name);
                    worked = true;
                }
            }

            if (worked)
            {
                continue;
            }

            var waiting = 0;
            foreach (var function in queued)
            {
                waiting += (await queues.GetQueueClient(function.Queue).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }

            if (waiting == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"{waiting} message(s) still queued after {deadline}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500)); // a deferred message (publication waiting) becomes visible later
        }
    }

    /// <summary>Calls an HTTP function with a request for <paramref name="path"/>; returns the response it wrote.</summary>
    public async Task<(int Status, string Body)> HttpAsync(AzureFunction function, string method, string path, string query, string? form = null)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("pulse.example.nl");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (form is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(form);
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        var body = new MemoryStream();
        context.Response.Body = body;
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(TemplateParser.Parse(function.Route!), new RouteValueDictionary()).TryMatch(path, values))
        {
            throw new InvalidOperationException($"{path} does not match {function.Name}'s route {function.Route}");
        }

        await function.InvokeAsync(services, p => p.ParameterType == typeof(HttpRequest) ? context.Request : values.TryGetValue(p.Name!, out var v) ? v?.ToString() : Unknown(function, p));
        Invoked.Add(function.Name);
        return (context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static object? Unknown(AzureFunction function, ParameterInfo parameter) =>
        throw new InvalidOperationException($"{function.Name}: no value for parameter {parameter.Name} ({parameter.ParameterType.Name}); teach FunctionCalls about it.");
}
