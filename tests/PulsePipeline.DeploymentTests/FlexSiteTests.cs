using PulsePipeline.TestSupport;
using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The Functions app has the site shape Flex Consumption accepts, read from the compiled template: no siteConfig
/// property that Flex stamps refuse (ARM error 51021, "The following site configuration property (Site.SiteConfig.X)
/// for Flex Consumption sites is invalid") or that has no meaning on Flex, and a maximumInstanceCount that every source
/// accepts. Nothing can be deployed from here, so the lists below carry where each entry comes from.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class FlexSiteTests(CompiledTemplate template)
{
    /// <summary>siteConfig properties a Flex Consumption site must not carry, each with its evidence.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Refused verbatim by ARM (51021): "The following list of 5 site configuration properties (Site.SiteConfig.FtpsState,
        // Site.SiteConfig.Use32BitWorkerProcess, Site.SiteConfig.PreWarmedInstanceCount, Site.SiteConfig.NetFrameworkVersion,
        // Site.SiteConfig.FunctionsRuntimeScaleMonitoringEnabled) for Flex Consumption sites is invalid", Microsoft Q&A 2277522,
        // quoted in Azure/terraform-azurerm-avm-res-web-site#360 (a second report from West Europe, Q&A 2275500).
        ["ftpsState"] = "ARM 51021 (Microsoft Q&A 2277522; terraform-azurerm-avm-res-web-site#360)",
        ["use32BitWorkerProcess"] = "ARM 51021 (Microsoft Q&A 2277522; terraform-azurerm-avm-res-web-site#360)",
        ["preWarmedInstanceCount"] = "ARM 51021 (Microsoft Q&A 2277522; terraform-azurerm-avm-res-web-site#360)",
        ["netFrameworkVersion"] = "ARM 51021 (Microsoft Q&A 2277522; terraform-azurerm-avm-res-web-site#360)",
        ["functionsRuntimeScaleMonitoringEnabled"] = "ARM 51021 (Microsoft Q&A 2277522; terraform-azurerm-avm-res-web-site#360)",
        ["linuxFxVersion"] = "ARM 51021 (terraform-azurerm-avm-res-web-site#283); the runtime is functionAppConfig.runtime",
        ["functionAppScaleLimit"] = "ARM 51021 (Azure/azure-functions-host#10643); scale is functionAppConfig.scaleAndConcurrency",
        // Omitted for Flex by the Azure Verified Module's fix (terraform-azurerm-avm-res-web-site PR #345, commit ea8e0e4):
        // absent from the official FC1 samples and the azurerm Flex schema.
        ["windowsFxVersion"] = "AVM PR #345: Flex is Linux only",
        ["javaVersion"] = "AVM PR #345: the runtime is functionAppConfig.runtime",
        ["nodeVersion"] = "AVM PR #345: the runtime is functionAppConfig.runtime",
        ["pythonVersion"] = "AVM PR #345: the runtime is functionAppConfig.runtime",
        ["powerShellVersion"] = "AVM PR #345: the runtime is functionAppConfig.runtime",
        ["phpVersion"] = "AVM PR #345: the runtime is functionAppConfig.runtime",
        ["alwaysOn"] = "AVM PR #345 omits it for FC1; the portal hides Always On for Flex (Azure/azure-functions-ux#7660); always-ready instances replace it",
        // No meaning on Flex: the portal hides the HTTP 2.0 and remote debugging settings for Flex apps (azure-functions-ux#7660),
        // and issue 23 reports http20Enabled does not apply; the official Flex samples' siteConfig sets none of them.
        ["http20Enabled"] = "azure-functions-ux#7660 hides HTTP 2.0 for Flex; not in the official Flex samples (issue 23)",
        ["http20ProxyFlag"] = "azure-functions-ux#7660 hides HTTP 2.0 Proxy for Flex",
        ["remoteDebuggingEnabled"] = "azure-functions-ux#7660 hides Remote Debugging for Flex",
    };

    /// <summary>
    /// The maximumInstanceCount every source accepts. Highest: 1000 (Learn, flex-consumption-plan "Scale"; the official samples'
    /// @maxValue(1000)). Lowest: 40 in Azure-Samples/azure-functions-flex-consumption-samples IaC/bicep/main.bicep
    /// (@minValue(40)), in Azure/Azure-Functions#2650 ("does not allow for fewer than 40") and MicrosoftDocs/azure-docs#128255
    /// (event-driven-scaling names 40); below 40 only as a regional preview (Azure/azure-functions-host#10523: West Europe,
    /// Australia East, West US 2), although flex-consumption-plan says 1. So 40–1000.
    /// </summary>
    public const int LowestInstanceCount = 40;

    public const int HighestInstanceCount = 1000;

    [Fact]
    public void TheSite_SetsNoSiteConfigPropertyFlexRefuses()
    {
        var found = RefusedProperties(template.Json);

        Assert.NotEmpty(Sites(template.Json));
        Assert.True(found.Count == 0, "siteConfig properties Flex refuses:\n" + string.Join('\n', found));
    }

    /// <summary>The check can fail: ftpsState, as the site had it, is reported with its evidence.</summary>
    [Theory]
    [InlineData("ftpsState")]
    [InlineData("http20Enabled")]
    public void ARefusedPropertyOnTheSite_IsReported(string property)
    {
        var copy = template.Json.DeepClone();
        Sites(copy).Single()["properties"]!["siteConfig"]![property] = "Disabled";

        var reported = Assert.Single(RefusedProperties(copy));
        Assert.Contains(property, reported, StringComparison.Ordinal);
        Assert.Contains(Refused[property], reported, StringComparison.Ordinal);
    }

    [Fact]
    public void MaximumInstanceCount_CannotBeSetOutsideWhatEverySourceAccepts()
    {
        var site = Sites(template.Json).Single();
        var module = JsonTree.Descendants(template.Json).OfType<JsonObject>().Single(o => o["template"]?["resources"] is { } r && JsonTree.Descendants(r).Contains(site));
        var perSite = module["template"]!["parameters"]!["maximumInstanceCount"]!;
        var main = template.Json["parameters"]!["maximumInstanceCount"]!;
        var azdDefault = JsonNode.Parse(RepositoryRoot.ReadAllText("infra", "main.parameters.json"))!["parameters"]!["maximumInstanceCount"]!["value"]!.GetValue<string>();

        Assert.Equal("[parameters('maximumInstanceCount')]", site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!["maximumInstanceCount"]!.GetValue<string>());
        Assert.Equal("[parameters('maximumInstanceCount')]", module["parameters"]!["maximumInstanceCount"]!["value"]!.GetValue<string>());
        foreach (var parameter in new[] { perSite, main })
        {
            Assert.InRange(parameter["minValue"]!.GetValue<int>(), LowestInstanceCount, HighestInstanceCount);
            Assert.InRange(parameter["maxValue"]!.GetValue<int>(), LowestInstanceCount, HighestInstanceCount);
        }

        Assert.InRange(main["defaultValue"]!.GetValue<int>(), LowestInstanceCount, HighestInstanceCount);
        Assert.Matches(@"^\$\{PULSE_MAXIMUM_INSTANCE_COUNT=(\d+)\}$", azdDefault);
        Assert.InRange(int.Parse(azdDefault[(azdDefault.IndexOf('=', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture), LowestInstanceCount, HighestInstanceCount);
    }

    /// <summary>Each refused property set on a site or on its "web" config, as "type name: property (evidence)".</summary>
    private static List<string> RefusedProperties(JsonNode root) =>
    [
        .. from resource in Sites(root).Concat(WebConfigs(root))
           let config = resource["type"]!.GetValue<string>().EndsWith("/config", StringComparison.OrdinalIgnoreCase)
               ? resource["properties"] : resource["properties"]?["siteConfig"]
           where config is JsonObject
           from property in config!.AsObject().Select(p => p.Key)
           where Refused.ContainsKey(property)
           select $"{resource["type"]} {resource["name"]}: {property} ({Refused[property]})",
    ];

    private static IEnumerable<JsonObject> Sites(JsonNode root) => Declared(root, "Microsoft.Web/sites");

    private static IEnumerable<JsonObject> WebConfigs(JsonNode root) =>
        Declared(root, "Microsoft.Web/sites/config").Where(c => c["name"]?.ToString().EndsWith("web')]", StringComparison.Ordinal) == true || c["name"]?.ToString() == "web");

    private static IEnumerable<JsonObject> Declared(JsonNode root, string type) =>
        JsonTree.Descendants(root).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && string.Equals(o["type"]!.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase)
                && o["apiVersion"] is not null
                && o["existing"]?.GetValue<bool>() != true);
}
