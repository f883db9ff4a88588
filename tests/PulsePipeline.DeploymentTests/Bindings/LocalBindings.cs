using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PulsePipeline.LocalHost;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Bindings;

/// <summary>
/// The local host's functions as `pulse host` runs them: the WebJobs trigger classes it is given
/// (<see cref="TriggerTypes.All"/>) and the HTTP routes it maps on Kestrel, read from the built host without
/// starting it. Queue names are resolved as in Azure, where the storage prefix is empty.
/// </summary>
internal static class LocalBindings
{
    public static IReadOnlyList<FunctionBinding> Triggers(IEnumerable<Type> types)
    {
        var resolver = new QueueNameResolver(new ConfigurationBuilder().Build(), Options.Create(new PulseOptions { StoragePrefix = "" }));
        return
        [
            .. from type in types
               from method in type.GetMethods()
               let name = method.GetCustomAttribute<FunctionNameAttribute>()?.Name
               where name is not null
               select Binding(name, method, resolver),
        ];
    }

    /// <summary>Every class in the CLI with a WebJobs function: all of them must be in <see cref="TriggerTypes.All"/>.</summary>
    public static IReadOnlyList<Type> TriggerClassesInCli() =>
        [.. typeof(TriggerTypes).Assembly.GetTypes().Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionNameAttribute>() is not null))];

    /// <summary>The route endpoints of the local host, built (not started) with the sample settings.</summary>
    public static async Task<IReadOnlyList<RouteEndpoint>> RoutesAsync()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(RepositoryRoot.File("local.settings.sample.json")).Build().GetSection("Values");
        var settings = new SettingsLayers(sample.GetChildren().ToDictionary(c => c.Key, c => c.Value), new Dictionary<string, string?>());
        await using var app = LocalPipelineHost.Create(settings, "http://127.0.0.1:0", triggers: []);
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()];
    }

    public static bool IsLocalOnly(Endpoint endpoint) => endpoint.Metadata.GetMetadata<LocalOnlyRoute>() is not null;

    public static string? Name(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    /// <summary>The methods an endpoint answers, lower-case; null when it takes every method (and answers 405 itself).</summary>
    public static IReadOnlySet<string>? Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Select(m => m.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    private static FunctionBinding Binding(string name, MethodInfo method, QueueNameResolver resolver)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new FunctionBinding(name, FunctionBinding.QueueKind, Queue: ResolveWhole(queue.QueueName, resolver));
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionBinding(name, FunctionBinding.TimerKind, Schedule: timer.ScheduleExpression, RunOnStartup: timer.RunOnStartup);
            }
        }

        return new FunctionBinding(name, "unknown trigger");
    }

    private static string? ResolveWhole(string value, QueueNameResolver resolver) =>
        value.StartsWith('%') && value.EndsWith('%') ? resolver.Resolve(value.Trim('%')) : value;
}
