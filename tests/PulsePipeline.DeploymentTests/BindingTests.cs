using System.Text.Json.Nodes;
using PulsePipeline.DeploymentTests.Bindings;
using PulsePipeline.LocalHost;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The Functions app binds what `pulse host` binds, read from what each host actually uses: the built
/// functions.metadata (what the Functions host indexes in Azure) against the local trigger classes and Kestrel
/// routes. Same function names and kinds, the same queues after resolution, the same schedules, HTTP routes the
/// local host serves with at least the same methods, and every %setting% the metadata names set by the Bicep.
/// New functions on either side are found, not listed: adding a trigger to one host only fails here.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class BindingTests(CompiledTemplate template)
{
    private IReadOnlyDictionary<string, string> AppSettings => BicepAppSettings.From(template.Json);

    private IReadOnlyList<FunctionBinding> AzureFunctions =>
        FunctionsMetadata.Bindings(FunctionsMetadata.Read(), name => AppSettings.TryGetValue(name, out var value) ? value : null);

    [Fact]
    public void EveryQueueAndTimerFunction_HasALocalTwin_BindingTheSame()
    {
        var azure = AzureFunctions.Where(f => f.Kind != FunctionBinding.HttpKind).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString());
        var local = LocalBindings.Triggers(TriggerTypes.All).OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString());

        Assert.Equal(azure, local);
        Assert.NotEmpty(azure);
    }

    [Fact]
    public void EveryLocalTriggerClass_IsRunByTheLocalHost()
    {
        Assert.Equal(
            LocalBindings.TriggerClassesInCli().Select(t => t.FullName).Order(StringComparer.Ordinal),
            TriggerTypes.All.Select(t => t.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueueTriggers_ReadTheQueuesTheStepsWrite()
    {
        var written = new StorageNames(AppSettings["PULSE_STORAGE_PREFIX"]);
        var read = AzureFunctions.Where(f => f.Kind == FunctionBinding.QueueKind).Select(f => f.Queue).ToList();

        Assert.Equal("", AppSettings["PULSE_STORAGE_PREFIX"]); // the Functions app refuses any other (FunctionsOptionsValidator)
        Assert.Equal(StorageNames.Queues.Select(written.Queue).Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryHttpFunction_IsServedByALocalRoute_WithItsMethods()
    {
        var routes = await LocalBindings.RoutesAsync();
        var http = AzureFunctions.Where(f => f.Kind == FunctionBinding.HttpKind).ToList();
        var problems = new List<string>();
        foreach (var function in http)
        {
            var local = routes.SingleOrDefault(r => LocalBindings.Name(r) == function.Name);
            if (local is null)
            {
                problems.Add($"{function}: no local route named {function.Name}");
                continue;
            }

            if (!RouteCoverage.Covers(local.RoutePattern, function.Route!))
            {
                problems.Add($"{function}: the local route {local.RoutePattern.RawText} does not serve it");
            }

            if (LocalBindings.Methods(local) is { } methods && (function.Methods is null || !function.Methods.IsSubsetOf(methods)))
            {
                problems.Add($"{function}: the local route answers only {string.Join(',', methods)}");
            }
        }

        foreach (var local in routes.Where(r => !LocalBindings.IsLocalOnly(r) && !http.Any(f => f.Name == LocalBindings.Name(r))))
        {
            problems.Add($"local route {local.RoutePattern.RawText} ({LocalBindings.Name(local) ?? "no name"}) has no HTTP function; name it after one, or mark it LocalOnlyRoute");
        }

        Assert.NotEmpty(http);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EverySettingTheBindingsName_IsAnAppSettingInTheBicep()
    {
        var referenced = FunctionsMetadata.SettingReferences(FunctionsMetadata.Read());

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(AppSettings.ContainsKey(name), $"functions.metadata names %{name}%, which the Bicep does not set"));
    }

    [Fact]
    public void HostJson_ServesRoutesWithoutAPrefix_LikeTheLocalHost()
    {
        var host = JsonNode.Parse(RepositoryRoot.ReadAllText("functions", "PulsePipeline.Functions", "host.json"))!;

        Assert.Equal("", host["extensions"]?["http"]?["routePrefix"]?.GetValue<string>());
    }

    /// <summary>The pipeline moves a failing message to -poison, with its reason, on the last delivery the host allows.</summary>
    [Fact]
    public void HostJson_AllowsTheDeliveriesThePipelineCounts()
    {
        var host = JsonNode.Parse(RepositoryRoot.ReadAllText("functions", "PulsePipeline.Functions", "host.json"))!;

        Assert.Equal(PoisonMessages.MaxDeliveries, host["extensions"]?["queues"]?["maxDequeueCount"]?.GetValue<int>());
    }

    /// <summary>The route comparison itself: wider local routes cover, narrower or different ones do not.</summary>
    [Theory]
    [InlineData("/survey/{**token}", "survey/{token}", true)]
    [InlineData("/survey/{token}", "survey/{token}", true)]
    [InlineData("/ipim/{**path}", "ipim/{*path}", true)]
    [InlineData("/Survey/{id}", "survey/{token}", true)]
    [InlineData("/survey/{token}", "ipim/{*path}", false)]
    [InlineData("/survey/{token}", "survey/{token}/extra", false)]
    [InlineData("/survey", "survey/{token}", false)]
    [InlineData("/survey/{token}/more", "survey/{token}", false)]
    [InlineData("/ipim/{page}", "ipim/{*path}", false)]
    public void RouteCoverage_IsDecidedSegmentBySegment(string local, string function, bool covers)
    {
        Assert.Equal(covers, RouteCoverage.Covers(Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(local), function));
    }
}
