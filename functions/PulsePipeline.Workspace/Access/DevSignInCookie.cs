using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// The development sign-in's session: a cookie holding the chosen name, role and expiry, signed with HMAC-SHA256
/// under a key derived from the pipeline's secret, so a browser can neither forge nor alter it. It yields the same
/// <see cref="WorkspacePrincipal"/> as App Service Authentication does in Azure.
/// </summary>
public static class DevSignInCookie
{
    public const string Name = "pulse-ipim-dev";
    public const int MaxNameLength = 64;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static string Create(byte[] key, string name, string? role, DateTimeOffset now)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Session(name, role ?? "", (now + Lifetime).ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, payload));
    }

    public static WorkspacePrincipal? TryRead(byte[] key, string? cookie, DateTimeOffset now)
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

            var session = JsonSerializer.Deserialize<Session>(payload);
            return session is null || session.Expires <= now.ToUnixTimeSeconds() || !IsValidName(session.Name)
                ? null
                : WorkspacePrincipal.Create("dev:" + session.Name, session.Name, session.Role.Length == 0 ? [] : [session.Role]);
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>1–64 printable characters without leading or trailing space.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsControl) && name.Trim().Length == name.Length;

    private sealed record Session(string Name, string Role, long Expires);
}
