namespace PulsePipeline.Workspace.Access;

/// <summary>Why nobody can be signed in on this request, whatever they send.</summary>
public enum SignInRefusal
{
    /// <summary>Azure: App Service Authentication is not enabled, so X-MS-CLIENT-PRINCIPAL could be forged.</summary>
    PlatformAuthenticationOff,

    /// <summary>Local: PULSE_DEV_SIGNIN is off.</summary>
    DevSignInOff,

    /// <summary>Local: the development sign-in answers only requests from this machine.</summary>
    NotLoopback,
}
