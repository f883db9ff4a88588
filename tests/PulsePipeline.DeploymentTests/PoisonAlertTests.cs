using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// An operator hears of a poison message within the hour: the compiled template holds a log alert over the app's
/// Application Insights that looks for the lines naming a -poison queue at least every hour, and an action group
/// that reaches someone without a parameter being set.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class PoisonAlertTests(CompiledTemplate template)
{
    [Fact]
    public void ALogAlert_WatchesForPoisonLines_AtLeastHourly()
    {
        var rule = Assert.Single(Resources("Microsoft.Insights/scheduledQueryRules"));
        var properties = rule["properties"]!;

        Assert.Contains("-poison", properties["criteria"]!["allOf"]![0]!["query"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(System.Xml.XmlConvert.ToTimeSpan(properties["evaluationFrequency"]!.GetValue<string>()) <= TimeSpan.FromHours(1));
        Assert.True(System.Xml.XmlConvert.ToTimeSpan(properties["windowSize"]!.GetValue<string>()) >= System.Xml.XmlConvert.ToTimeSpan(properties["evaluationFrequency"]!.GetValue<string>()));
        Assert.NotEmpty(properties["actions"]!["actionGroups"]!.AsArray());
    }

    [Fact]
    public void TheActionGroup_EmailsTheOperator_OrTheOwnersByDefault()
    {
        var group = Assert.Single(Resources("Microsoft.Insights/actionGroups"))["properties"]!;
        var operatorEmail = template.Json["parameters"]!["operatorEmail"]!;

        Assert.Equal("", operatorEmail["defaultValue"]!.GetValue<string>());
        Assert.Contains("operatorEmail", group["emailReceivers"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("empty(parameters('operatorEmail'))", group["armRoleReceivers"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", template.Text, StringComparison.Ordinal); // the Owner role
    }

    private List<JsonObject> Resources(string type) =>
        [.. JsonTree.Descendants(template.Json).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && string.Equals(o["type"]!.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase)
                && o["apiVersion"] is not null)];
}
