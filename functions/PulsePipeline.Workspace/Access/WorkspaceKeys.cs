using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline.Configuration;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// Keys for the workspace's signed cookie and antiforgery tokens, derived (HKDF-SHA256, one label per purpose) from
/// PULSE_TOKEN_SECRET. Every instance of the app derives the same keys, so a token issued by one Flex Consumption
/// instance is valid on another without shared key storage; and no key equals the survey token secret itself.
/// </summary>
public sealed class WorkspaceKeys(IOptions<PulseOptions> options)
{
    private readonly Lazy<byte[]> antiforgery = new(() => Derive(options.Value.TokenSecret, "pulse/ipim/antiforgery/v1"));
    private readonly Lazy<byte[]> devSignIn = new(() => Derive(options.Value.TokenSecret, "pulse/ipim/dev-signin/v1"));

    public byte[] Antiforgery => antiforgery.Value;

    public byte[] DevSignIn => devSignIn.Value;

    private static byte[] Derive(string secret, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));
}
