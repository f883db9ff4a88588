using System.Net;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>A body of unknown length, so HttpClient sends it chunked, without a Content-Length the server could refuse unread.</summary>
internal sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
