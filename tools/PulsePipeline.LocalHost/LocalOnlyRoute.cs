namespace PulsePipeline.LocalHost;

/// <summary>
/// Endpoint metadata for a route of `pulse host` that has no Functions trigger on purpose (the health check, the
/// 404 fallback). Every other local route must match an HTTP trigger of the Functions app by name, route and
/// methods; the deployment tests check both.
/// </summary>
internal sealed class LocalOnlyRoute
{
    public static readonly LocalOnlyRoute Instance = new();

    private LocalOnlyRoute()
    {
    }
}
