using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Access;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// Who is asking. In the Functions app only App Service Authentication counts, and only while the platform's
/// authentication is on: App Service sets WEBSITE_AUTH_ENABLED=True for the app when it is, and only then strips
/// a client's own X-MS-CLIENT-PRINCIPAL, so with it off the header is ignored and the workspace refused. In
/// `pulse host` only the development sign-in counts, with PULSE_DEV_SIGNIN on and from loopback, and only while its
/// session has not been signed out (<see cref="SignOuts"/>); there the header is never read, whatever the environment
/// says, because no platform stands in front of Kestrel.
/// </summary>
public sealed class WorkspaceAuthentication(WorkspaceHost host, IOptions<PulseOptions> options, IConfiguration configuration, WorkspaceKeys keys, SignOuts signOuts, TimeProvider clock)
{
    public const string PlatformSetting = "WEBSITE_AUTH_ENABLED";

    /// <summary>Nobody signed in on this host: for pages answered before (or without) reading the sign-in.</summary>
    public SignInState SignedOut => new(host, null, null);

    public bool PlatformAuthenticationEnabled => string.Equals(configuration[PlatformSetting], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Who is asking, and for the development sign-in the session their cookie names (to sign it out).</summary>
    public async Task<(SignInState State, DevSession? Session)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (host == WorkspaceHost.Functions)
        {
            return (Platform(context), null);
        }

        if (!options.Value.DevSignIn)
        {
            return (new SignInState(host, SignInRefusal.DevSignInOff, null), null);
        }

        if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return (new SignInState(host, SignInRefusal.NotLoopback, null), null);
        }

        var session = DevSignInCookie.TryRead(keys.DevSignIn, context.Request.Cookies[DevSignInCookie.Name], clock.GetUtcNow());
        if (session is not null && await signOuts.ContainsAsync(session.Id, session.Expires, cancellationToken))
        {
            session = null;
        }

        return (new SignInState(host, null, session?.Principal), session);
    }

    /// <summary>Signing out of the development sign-in: the session is recorded as ended, so its cookie no longer works anywhere.</summary>
    public Task SignOutAsync(DevSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return signOuts.RecordAsync(session.Id, session.Expires, cancellationToken);
    }

    private SignInState Platform(HttpContext context) => PlatformAuthenticationEnabled
        ? new SignInState(host, null, ClientPrincipalHeader.TryParse(context.Request.Headers[ClientPrincipalHeader.Name]))
        : new SignInState(host, SignInRefusal.PlatformAuthenticationOff, null);
}
