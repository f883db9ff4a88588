using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PulsePipeline.Models.Audit;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// The development sign-in's session: a cookie holding the chosen name, role, expiry and a random session id, signed
/// with HMAC-SHA256 under a key derived from the pipeline's secret, so a browser can neither forge nor alter it. It
/// yields the same <see cref="WorkspacePrincipal"/> as App Service Authentication does in Azure, with a stable id of
/// its own per name (<see cref="IdFor"/>); the session id is what signing out revokes (Pipeline.Access.SignOuts).
/// </summary>
public static class DevSignInCookie
{
    public const string Name = "pulse-ipim-dev";
    public const int MaxNameLength = 64;

    /// <summary>Every development sign-in id starts so: never an Entra object id, never the command line's "cli:".</summary>
    public const string IdPrefix = "dev-";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>A new session for <paramref name="name"/> with <paramref name="role"/> (none when null or empty).</summary>
    public static string Create(byte[] key, string name, string? role, DateTimeOffset now)
    {
        var session = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(name, role ?? "", (now + Lifetime).ToUnixTimeSeconds(), session));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The session the cookie holds, or null when it is missing, altered, expired or names no usable person.</summary>
    public static DevSession? TryRead(byte[] key, string? cookie, DateTimeOffset now)
    {
        if (cookie is null || cookie.Length > 1024 || cookie.Split('.') is not [var body, var mac])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(body);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), Base64Url.DecodeFromChars(mac)))
            {
                return null;
            }

            var p = JsonSerializer.Deserialize<Payload>(payload);
            if (p is null || p.Expires <= now.ToUnixTimeSeconds() || !IsValidName(p.Name) || p.Session is not { Length: > 0 and <= 64 })
            {
                return null;
            }

            var principal = WorkspacePrincipal.Create(IdFor(key, p.Name), p.Name, p.Role.Length == 0 ? [] : [p.Role]);
            return new DevSession(principal, p.Session, DateTimeOffset.FromUnixTimeSeconds(p.Expires));
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The stable id of whoever signs in as <paramref name="name"/>: "dev-" and 16 hex digits of a keyed hash of the
    /// name, the same at every sign-in under the same secret. Locally the name is all a person chooses, so one name is
    /// one person; the audit records this id beside the name, as it records the Entra object id in Azure.
    /// </summary>
    public static string IdFor(byte[] key, string name) =>
        IdPrefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("id|" + name)))[..16];

    /// <summary>1–64 printable characters without leading or trailing space, and not the command line's "cli:" names.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl) && name.Trim().Length == name.Length
        && !AuditActors.IsReserved(name);

    private sealed record Payload(string Name, string Role, long Expires, string? Session);
}
