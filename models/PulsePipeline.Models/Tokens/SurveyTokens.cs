using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PulsePipeline.Models.Tokens;

/// <summary>
/// Personal survey tokens. A token is HMAC-SHA256(secret, wave | employee): 256 bits, stable for the pair, and
/// unlinkable to either without the secret. Storage only ever sees <see cref="Hash"/> of a token, so a copy of
/// the token table does not yield working links, and nothing stored maps a token back to an employee.
/// </summary>
public static class SurveyTokens
{
    /// <summary>Length of a token as it appears in links: 32 bytes in unpadded base64url.</summary>
    public const int Length = 43;

    public static string Derive(ReadOnlySpan<byte> secret, string waveId, string employeeId)
    {
        // Wave ids never contain '|', so "wave|employee" is unambiguous whatever the employee id holds.
        if (waveId.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException("A wave id cannot contain '|'.", nameof(waveId));
        }

        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{waveId}|{employeeId}"));
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>The key under which a token is stored: hex SHA-256 of the token text.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>True when the text could be a token at all; checked before any storage is touched.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Compares a presented token with the expected one in constant time.</summary>
    public static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));
}
