using System.Collections.Concurrent;

namespace PulsePipeline.Workspace.Reading;

/// <summary>
/// What one request has read of the published tables: the wave list and each wave's rows, kept until the request ends.
/// A page is built by several models at once (the overview's figures and its registry section, the unit page and its
/// interventions), and each begins with the wave list and most with the latest wave's rows; without this they would
/// each read them. Nothing outlives the request, so a page never shows a publication older than the request.
/// </summary>
internal sealed class RequestReads : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<PublishedRow>>>> rows = new(StringComparer.Ordinal);
    private readonly Action ended;
    private Lazy<Task<IReadOnlyList<PublishedWave>>>? waves;

    public RequestReads(Action ended) => this.ended = ended;

    public Task<IReadOnlyList<PublishedWave>> Waves(Func<Task<IReadOnlyList<PublishedWave>>> read)
    {
        Interlocked.CompareExchange(ref waves, new Lazy<Task<IReadOnlyList<PublishedWave>>>(read), null);
        return waves.Value;
    }

    public Task<IReadOnlyList<PublishedRow>> Rows(string wave, Func<Task<IReadOnlyList<PublishedRow>>> read) =>
        rows.GetOrAdd(wave, _ => new Lazy<Task<IReadOnlyList<PublishedRow>>>(read)).Value;

    public void Dispose() => ended();
}
