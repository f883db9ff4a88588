using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PulsePipeline.Pipeline.Access;

namespace PulsePipeline.Workspace.Access;

/// <summary>
/// Antiforgery without server-side state, so it holds across Flex Consumption instances: a token is an expiry and
/// HMAC-SHA256(key, user | expiry) under a key derived from the pipeline's secret. Every POST must carry a token
/// issued to the same user that has not expired, and a browser's Origin / Sec-Fetch-Site must say the request came
/// from this site. Tokens for the sign-in form are bound to the empty user (nobody is signed in yet).
/// </summary>
public static class WorkspaceAntiforgery
{
    public const string FieldName = "antiforgery";

    /// <summary>The longest token <see cref="IsValid"/> reads; an issued one is 54 characters.</summary>
    public const int MaxTokenLength = 128;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    public static string Issue(byte[] key, string userId, DateTimeOffset now)
    {
        var expires = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expires, (now + Lifetime).ToUnixTimeSeconds());
        byte[] token = [.. expires, .. Mac(key, userId, expires)];
        return Base64Url.EncodeToString(token);
    }

    public static bool IsValid(byte[] key, string? token, string userId, DateTimeOffset now)
    {
        if (token is null || token.Length > MaxTokenLength)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != 8 + 32)
        {
            return false;
        }

        var expires = bytes.AsSpan(0, 8).ToArray();
        return BinaryPrimitives.ReadInt64BigEndian(expires) > now.ToUnixTimeSeconds()
            && CryptographicOperations.FixedTimeEquals(Mac(key, userId, expires), bytes.AsSpan(8));
    }

    /// <summary>
    /// False when a browser says the request came from elsewhere: an Origin other than one this app serves (the
    /// configured origins of <see cref="ServedHosts"/>, never the request's own Host, which a rebinding page chooses),
    /// or a Sec-Fetch-Site other than same-origin. Under the pages' Referrer-Policy: no-referrer browsers send
    /// "Origin: null" even for their own forms, so "null" says nothing and Sec-Fetch-Site decides. Clients that
    /// send neither (curl) are judged by the token alone.
    /// </summary>
    public static bool IsSameOrigin(HttpRequest request, ServedHosts hosts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hosts);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && !hosts.IsServedOrigin(request, origin))
        {
            return false;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site == "same-origin";
    }

    private static byte[] Mac(byte[] key, string userId, byte[] expires)
    {
        byte[] message = [.. Encoding.UTF8.GetBytes("ipim|" + userId + "|"), .. expires];
        return HMACSHA256.HashData(key, message);
    }
}
