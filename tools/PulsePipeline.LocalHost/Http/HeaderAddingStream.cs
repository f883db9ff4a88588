namespace PulsePipeline.LocalHost.Http;

/// <summary>
/// The write side of a connection, between Kestrel and the socket: collects what Kestrel writes until it flushes,
/// then passes it on through <see cref="ResponseHeads.AddMissing"/>. Kestrel flushes at the end of every response
/// head it writes by itself, so each of its own answers arrives here as one flush.
/// </summary>
internal sealed class HeaderAddingStream(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
        if (pending.Length > 0)
        {
            inner.Write(ResponseHeads.AddMissing(Pending()).Span);
            pending.SetLength(0);
        }

        inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Length > 0)
        {
            await inner.WriteAsync(ResponseHeads.AddMissing(Pending()), cancellationToken);
            pending.SetLength(0);
        }

        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private ReadOnlyMemory<byte> Pending() => pending.GetBuffer().AsMemory(0, (int)pending.Length);
}
