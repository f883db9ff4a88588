using System.Text;
using System.Text.Unicode;

namespace PulsePipeline.Models.Csv;

/// <summary>
/// Turns input bytes or text into text the parser may read: strictly UTF-8 (a byte-order mark is allowed and dropped), of
/// bounded size, with its separator detected from the header line. A file in another encoding is refused with a
/// message that says how to save it as UTF-8, because decoding it as anything else would change ids silently.
/// </summary>
internal static class CsvInput
{
    /// <summary>Far above any real input (a roster of 121,000 employees is about 8 MB), far below a memory problem.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private const string HowToSave =
        "save it as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (comma delimited) (*.csv)\" (Dutch Excel: \"CSV UTF-8 (door komma's gescheiden)\"); " +
        "in LibreOffice Calc, File > Save As > \"Text CSV\" with \"Edit filter settings\" and character set \"Unicode (UTF-8)\"";

    /// <summary>All bytes of a stream (bounded: a longer one is refused before it is read when its length is known), decoded.</summary>
    public static (string? Text, CsvProblem? Problem) ReadStream(Stream stream, string source)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            return (null, TooLarge(source, $" ({stream.Length - stream.Position:N0} bytes)"));
        }

        using var bytes = new MemoryStream();
        var block = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(block, 0, block.Length)) > 0)
        {
            if (bytes.Length + read > MaxBytes)
            {
                return (null, TooLarge(source, ""));
            }

            bytes.Write(block, 0, read);
        }

        return Decode(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), source);
    }

    /// <summary>All text of a reader (bounded like a file), without a leading byte-order mark.</summary>
    public static (string? Text, CsvProblem? Problem) ReadAll(TextReader reader, string source)
    {
        var text = new StringBuilder();
        var block = new char[64 * 1024];
        int read;
        while ((read = reader.Read(block, 0, block.Length)) > 0)
        {
            if (text.Length + read > MaxBytes)
            {
                return (null, TooLarge(source, ""));
            }

            text.Append(block, 0, read);
        }

        return (text.Length > 0 && text[0] == '\uFEFF' ? text.ToString(1, text.Length - 1) : text.ToString(), null);
    }

    public static (string? Text, CsvProblem? Problem) Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (LooksLikeUtf16(bytes))
        {
            return (null, new CsvProblem(source, 1, $"the file is not valid UTF-8 text: it is UTF-16 (Excel's \"Unicode text\"); {HowToSave}"));
        }

        if (!Utf8.IsValid(bytes))
        {
            var at = FirstInvalid(bytes);
            var line = 1 + bytes[..at].Count((byte)'\n');
            return (null, new CsvProblem(source, line, $"the file is not valid UTF-8 text: byte 0x{bytes[at]:X2} on this line is not UTF-8, so the file is probably Windows-1252 (Excel's plain \"CSV\"); {HowToSave}"));
        }

        var bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        return (Encoding.UTF8.GetString(bytes[bom..]), null);
    }

    /// <summary>
    /// The separator of the header line, outside quotes: the most frequent of ',', ';' and tab (ties in that order),
    /// ',' when there is none. Only the header is looked at: a ';' inside a unit name further down cannot change it.
    /// </summary>
    public static char DetectSeparator(string text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                comma += c == ',' ? 1 : 0;
                semicolon += c == ';' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }

        return semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',';
    }

    private static CsvProblem TooLarge(string source, string size) =>
        new(source, 0, $"the file is larger than {MaxBytes / (1024 * 1024)} MiB{size}; is it the right file?");

    /// <summary>A UTF-16 byte-order mark, or (without one) the zero bytes that UTF-16 gives every ASCII character.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }

        var start = bytes[..Math.Min(bytes.Length, 1024)];
        return start.Length >= 8 && start.Count((byte)0) * 4 >= start.Length;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && System.Buffers.OperationStatus.Done == System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed))
        {
            at += consumed;
        }

        return Math.Min(at, bytes.Length - 1);
    }
}
