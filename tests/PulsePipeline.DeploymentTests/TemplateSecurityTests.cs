using System.Text.Json.Nodes;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The security settings the deployment promises, read from the compiled template so that a module
/// edit cannot quietly weaken them: no keys or local auth anywhere, secrets only as Key Vault references.
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class TemplateSecurityTests(CompiledTemplate template)
{
    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts", "allowSharedKeyAccess", "false")]
    [InlineData("Microsoft.Storage/storageAccounts", "allowBlobPublicAccess", "false")]
    [InlineData("Microsoft.Storage/storageAccounts", "minimumTlsVersion", "TLS1_2")]
    [InlineData("Microsoft.Storage/storageAccounts", "supportsHttpsTrafficOnly", "true")]
    [InlineData("Microsoft.Insights/components", "DisableLocalAuth", "true")]
    [InlineData("Microsoft.OperationalInsights/workspaces", "features.disableLocalAuth", "true")]
    [InlineData("Microsoft.KeyVault/vaults", "enableRbacAuthorization", "true")]
    [InlineData("Microsoft.Communication/communicationServices", "disableLocalAuth", "true")]
    [InlineData("Microsoft.Communication/emailServices/domains", "userEngagementTracking", "Disabled")]
    [InlineData("Microsoft.Web/sites", "httpsOnly", "true")]
    [InlineData("Microsoft.Web/sites", "siteConfig.minTlsVersion", "1.2")]
    [InlineData("Microsoft.Web/sites/basicPublishingCredentialsPolicies", "allow", "false")]
    public void EveryDeclaredResource_HasTheSecureSetting(string type, string propertyPath, string expected)
    {
        var resources = DeclaredResources(type);

        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.Equal(expected, Property(r, propertyPath)?.ToString()));
    }

    [Fact]
    public void Template_NeverReadsAccountKeysOrConnectionStrings()
    {
        Assert.DoesNotContain("listKeys(", template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listConnectionStrings(", template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleAssignments_AreNamedDeterministically()
    {
        var assignments = DeclaredResources("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", a["name"]!.ToString(), StringComparison.Ordinal));
    }

    /// <summary>
    /// App Service Authentication signs in to Entra ID with a token of its own identity (a federated credential): that
    /// identity reaches no data. Every role assignment, wherever declared, names other principals.
    /// </summary>
    [Fact]
    public void TheEasyAuthIdentity_IsTheCredentialsOwn_AndHoldsNoRole()
    {
        var credential = JsonTree.Descendants(template.Json).OfType<JsonObject>().Single(o => o.ContainsKey("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"))["OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"]!.ToString();
        var granting = JsonTree.Descendants(template.Json).OfType<JsonObject>()
            .Where(o => o["template"] is { } t && JsonTree.Descendants(t).OfType<JsonObject>().Any(r => r["type"]?.ToString() == "Microsoft.Authorization/roleAssignments"))
            .Select(o => string.Join('\n', JsonTree.Descendants(o["parameters"]).OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String).Select(v => v.GetValue<string>())))
            .ToList();

        Assert.Equal("[reference('authIdentity').clientId]", credential);
        Assert.NotEmpty(granting);
        Assert.All(granting, parameters => Assert.DoesNotContain("authIdentity", parameters, StringComparison.Ordinal));
        Assert.Contains(granting, parameters => parameters.Contains("reference('identity').principalId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PULSE_TOKEN_SECRET")]
    [InlineData("PULSE_SMTP_USERNAME")]
    [InlineData("PULSE_SMTP_PASSWORD")]
    public void Secrets_AreKeyVaultReferences(string key)
    {
        var values = JsonTree.Descendants(template.Json).OfType<JsonObject>()
            .Where(o => o.ContainsKey(key))
            .Select(o => o[key]!.ToString())
            .ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Contains("keyVaultReference(", v, StringComparison.Ordinal));
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", template.Text, StringComparison.Ordinal);
    }

    /// <summary>Resources the template creates (not `existing` references), modules included.</summary>
    private List<JsonObject> DeclaredResources(string type) =>
        [.. JsonTree.Descendants(template.Json).OfType<JsonObject>()
            .Where(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && string.Equals(o["type"]!.GetValue<string>(), type, StringComparison.OrdinalIgnoreCase)
                && o["apiVersion"] is not null
                && o["existing"]?.GetValue<bool>() != true)];

    private static JsonNode? Property(JsonObject resource, string path) =>
        path.Split('.').Aggregate((JsonNode?)resource["properties"], (node, name) => node?[name]);
}
