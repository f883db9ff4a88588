using Microsoft.AspNetCore.Http;

namespace PulsePipeline.Pipeline.Access;

/// <summary>
/// The host names this app answers to, the same rule in both hosts: the host of PULSE_SURVEY_BASE_URL with its port;
/// in Azure also the app's own default host name (WEBSITE_HOSTNAME, which the platform sets), where App Service
/// Authentication and the workspace live; and, where the base URL is on loopback (`pulse host`), each loopback name
/// (127.0.0.1, localhost, [::1]) on the port the request came in on. Any other Host is refused before anything is read
/// or written: under a name an attacker controls that resolves to this machine (DNS rebinding) their page and ours
/// would be one origin to the browser. A form's Origin is compared with these origins, never with the request's Host.
/// </summary>
public sealed class ServedHosts
{
    /// <summary>Set by App Service (Functions included) to the app's default host name, e.g. func-x.azurewebsites.net.</summary>
    public const string PlatformHostSetting = "WEBSITE_HOSTNAME";

    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    private readonly Uri[] origins;
    private readonly bool loopback;

    /// <param name="baseUrl">PULSE_SURVEY_BASE_URL (validated at start: absolute http(s)).</param>
    /// <param name="platformHost">WEBSITE_HOSTNAME, or null/empty outside App Service.</param>
    public ServedHosts(string baseUrl, string? platformHost)
    {
        var configured = new List<Uri>();
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var survey))
        {
            configured.Add(survey);
        }

        if (!string.IsNullOrWhiteSpace(platformHost) && Uri.TryCreate("https://" + platformHost.Trim(), UriKind.Absolute, out var platform))
        {
            configured.Add(platform);
        }

        origins = [.. configured];
        loopback = survey is not null && IsLoopback(survey.Host);
    }

    /// <summary>True when the request's Host header names a served host (and port).</summary>
    public bool Serves(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Host.HasValue)
        {
            return false;
        }

        var name = request.Host.Host;
        var port = request.Host.Port;
        return Array.Exists(origins, o => SameName(o.Host, name) && (port ?? DefaultPort(o.Scheme)) == o.Port)
            || (loopback && IsLoopback(name) && (port ?? DefaultPort(request.Scheme)) == request.HttpContext.Connection.LocalPort);
    }

    /// <summary>True when <paramref name="origin"/> (an Origin header: scheme://host[:port]) is one of the served origins.</summary>
    public bool IsServedOrigin(HttpRequest request, string origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return Array.Exists(origins, o => o.Scheme == uri.Scheme && SameName(o.Host, uri.Host) && o.Port == uri.Port)
            || (loopback && uri.Scheme == request.Scheme && IsLoopback(uri.Host) && uri.Port == request.HttpContext.Connection.LocalPort);
    }

    private static bool IsLoopback(string name) => LoopbackNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static bool SameName(string configured, string asked) => string.Equals(configured, asked, StringComparison.OrdinalIgnoreCase);

    private static int DefaultPort(string scheme) => string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}
