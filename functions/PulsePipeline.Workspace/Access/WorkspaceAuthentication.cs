using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// Who is asking. In the Functions app only App Service Authentication counts, and only while the platform's
/// authentication is on: App Service sets WEBSITE_AUTH_ENABLED=True for the app when it is, and only then strips
/// a client's own X-MS-CLIENT-PRINCIPAL, so with it off the header is ignored and the workspace refused. In
/// `pulse host` only the development sign-in counts, with PULSE_DEV_SIGNIN on and from loopback; there the header
/// is never read, whatever the environment says, because no platform stands in front of Kestrel.
/// </summary>
public sealed class WorkspaceAuthentication(WorkspaceHost host, IOptions<PulseOptions> options, IConfiguration configuration, WorkspaceKeys keys, TimeProvider clock)
{
    public const string PlatformSetting = "WEBSITE_AUTH_ENABLED";

    public SignInState Read(HttpContext context) => host == WorkspaceHost.Functions ? Platform(context) : Development(context);

    public bool PlatformAuthenticationEnabled => string.Equals(configuration[PlatformSetting], "true", StringComparison.OrdinalIgnoreCase);

    private SignInState Platform(HttpContext context) => PlatformAuthenticationEnabled
        ? new SignInState(host, null, ClientPrincipalHeader.TryParse(context.Request.Headers[ClientPrincipalHeader.Name]))
        : new SignInState(host, SignInRefusal.PlatformAuthenticationOff, null);

    private SignInState Development(HttpContext context)
    {
        if (!options.Value.DevSignIn)
        {
            return new SignInState(host, SignInRefusal.DevSignInOff, null);
        }

        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return new SignInState(host, SignInRefusal.NotLoopback, null);
        }

        return new SignInState(host, null, DevSignInCookie.TryRead(keys.DevSignIn, context.Request.Cookies[DevSignInCookie.Name], clock.GetUtcNow()));
    }
}
