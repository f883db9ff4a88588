using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// Builds storage clients from the same `AzureWebJobsStorage` setting the Functions host uses: a connection
/// string locally (Azurite), or identity-based `AzureWebJobsStorage__tableServiceUri`/`__queueServiceUri` with a
/// managed identity in Azure, where shared keys are disabled. The pipeline keeps nothing in blobs (the hosts' own
/// timer leases do, through the same setting's `__blobServiceUri`).
/// </summary>
public sealed record StorageClients(TableServiceClient Tables, QueueServiceClient Queues)
{
    public const string SettingName = "AzureWebJobsStorage";

    /// <param name="queuePolicy">A policy on every queue request (tests record what storage answered); none in the hosts.</param>
    public static StorageClients FromConfiguration(IConfiguration configuration, HttpPipelinePolicy? queuePolicy = null)
    {
        // Queue triggers in both hosts decode base64 by default; writing base64 keeps every message readable by them.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (queuePolicy is not null)
        {
            queueOptions.AddPolicy(queuePolicy, HttpPipelinePosition.PerCall);
        }

        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new TableServiceClient(connectionString),
                new QueueServiceClient(connectionString, queueOptions));
        }

        var section = configuration.GetSection(SettingName);
        var credential = Credential(section);
        return new StorageClients(
            new TableServiceClient(RequiredUri(section, "tableServiceUri"), credential),
            new QueueServiceClient(RequiredUri(section, "queueServiceUri"), credential, queueOptions));
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return section["credential"] == "managedidentity"
            ? new ManagedIdentityCredential(string.IsNullOrEmpty(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }

    private static Uri RequiredUri(IConfigurationSection section, string key) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__{key} (with __credential=managedidentity) for identity-based access.");
}
