using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.Functions;

namespace PulsePipeline.IntegrationTests.Functions;

/// <summary>
/// One function of the Functions app, found by reflection over its [Function] methods (so a new one is found
/// without a list to update), and called the way the worker calls it: a new instance of its class from the
/// app's services, its trigger's argument, the rest from what the trigger binds.
/// </summary>
internal sealed record AzureFunction(string Name, Type Class, MethodInfo Method, string Kind, string? Queue, string? Route, IReadOnlyList<string> Methods)
{
    public const string QueueKind = "queue";
    public const string TimerKind = "timer";
    public const string HttpKind = "http";

    /// <summary>Every function of the app, its queue names resolved from <paramref name="configuration"/> as the Functions host resolves %settings%.</summary>
    public static IReadOnlyList<AzureFunction> Discover(IConfiguration configuration) =>
    [
        .. from type in typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
           from method in type.GetMethods()
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           orderby function.Name
           select Describe(function.Name, type, method, configuration),
    ];

    /// <summary>
    /// Calls the function; <paramref name="argument"/> supplies what its parameters bind (the trigger's value, route
    /// values, the dequeue count), a CancellationToken parameter gets none.
    /// </summary>
    public async Task<object?> InvokeAsync(IServiceProvider services, Func<ParameterInfo, object?> argument)
    {
        using var scope = services.CreateScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, Class);
        var result = Method.Invoke(instance, [.. Method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : argument(p))]);
        if (result is not Task task)
        {
            return result;
        }

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
    }

    private static AzureFunction Describe(string name, Type type, MethodInfo method, IConfiguration configuration)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                var queueName = queue.QueueName.StartsWith('%') ? configuration[queue.QueueName.Trim('%')] : queue.QueueName;
                return new AzureFunction(name, type, method, QueueKind, queueName, null, []);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null)
            {
                return new AzureFunction(name, type, method, TimerKind, null, null, []);
            }

            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new AzureFunction(name, type, method, HttpKind, null, http.Route ?? name, http.Methods ?? []);
            }
        }

        throw new InvalidOperationException($"Function {name} has a trigger this test does not know how to call; teach FunctionsAppTests about it.");
    }
}
