using System.Text;
using PulsePipeline.Pipeline.Survey;

namespace PulsePipeline.LocalHost.Http;

/// <summary>
/// Adds the survey's headers (<see cref="SurveyHeaders.All"/>) to an HTTP/1.1 response head written straight to a
/// connection, where it lacks them. Pure: bytes in, bytes out. Kestrel writes each response head at the start of a
/// flush; a flush that does not start with a final status line and end its head within <see cref="MaxHead"/> bytes
/// (a body, an interim 100 Continue) passes unchanged, and so does a head that already carries every header.
/// </summary>
internal static class ResponseHeads
{
    /// <summary>Far more than any head this host writes (Kestrel's own are about 100 bytes).</summary>
    public const int MaxHead = 16 * 1024;

    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    /// <summary>The segment with the missing headers added to its head, or the segment itself when nothing is missing.</summary>
    public static ReadOnlyMemory<byte> AddMissing(ReadOnlyMemory<byte> segment)
    {
        var span = segment.Span;
        if (!IsFinalStatusLine(span))
        {
            return segment;
        }

        var end = span[..Math.Min(span.Length, MaxHead)].IndexOf(EndOfHead);
        if (end < 0)
        {
            return segment;
        }

        // Latin-1 maps every byte to one char and back, so the head round-trips whatever bytes it holds.
        var head = Encoding.Latin1.GetString(span[..(end + 2)]);
        var present = head.Split("\r\n").Skip(1).Select(l => l.Split(':', 2)[0].Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = SurveyHeaders.All.Where(h => !present.Contains(h.Key)).ToList();
        if (missing.Count == 0)
        {
            return segment;
        }

        var added = new StringBuilder();
        foreach (var (name, value) in missing)
        {
            added.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var extra = Encoding.Latin1.GetBytes(added.ToString());
        var result = new byte[segment.Length + extra.Length];
        span[..(end + 2)].CopyTo(result);
        extra.CopyTo(result.AsSpan(end + 2));
        span[(end + 2)..].CopyTo(result.AsSpan(end + 2 + extra.Length));
        return result;
    }

    /// <summary>"HTTP/1.x ddd " with a status of 200 or more: interim 1xx answers are followed by the real one.</summary>
    private static bool IsFinalStatusLine(ReadOnlySpan<byte> span) =>
        span.Length >= 13
        && span.StartsWith("HTTP/1."u8)
        && char.IsAsciiDigit((char)span[7])
        && span[8] == (byte)' '
        && span[9] is >= (byte)'2' and <= (byte)'5'
        && char.IsAsciiDigit((char)span[10])
        && char.IsAsciiDigit((char)span[11])
        && span[12] == (byte)' ';
}
