namespace PulsePipeline.TestSupport;

/// <summary>Reads CRLF-terminated lines as bytes (message bodies may hold any octets).</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (at >= 0)
            {
                var line = buffer.AsSpan(start, at + 1).ToArray();
                start += at + 1;
                return line;
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                throw new IOException("an SMTP line longer than the tap's buffer");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            end += read;
        }
    }
}
