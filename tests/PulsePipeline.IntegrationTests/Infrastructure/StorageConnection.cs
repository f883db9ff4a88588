namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>The Azurite connection string ./test.sh exports (or the development default), taken apart and put back together.</summary>
internal sealed record StorageConnection(string AccountName, string AccountKey, Uri BlobEndpoint, Uri QueueEndpoint, Uri TableEndpoint)
{
    // Azurite's well-known development account (public, documented by Microsoft; loopback only).
    private const string DevelopmentAccount = "devstoreaccount1";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnection FromEnvironment() =>
        Parse(Environment.GetEnvironmentVariable("AzureWebJobsStorage") is { Length: > 0 } s ? s : "UseDevelopmentStorage=true");

    public static StorageConnection Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && development.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return new StorageConnection(
                DevelopmentAccount,
                DevelopmentKey,
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccount}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccount}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccount}"));
        }

        return new StorageConnection(parts["AccountName"], parts["AccountKey"], new Uri(parts["BlobEndpoint"]), new Uri(parts["QueueEndpoint"]), new Uri(parts["TableEndpoint"]));
    }

    public override string ToString() =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";
}
