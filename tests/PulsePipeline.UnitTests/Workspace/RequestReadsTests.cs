using PulsePipeline.Workspace.Reading;

namespace PulsePipeline.UnitTests.Workspace;

/// <summary>Within one request the wave list and each wave's rows are read once, however many parts of the page ask at once.</summary>
public sealed class RequestReadsTests
{
    [Fact]
    public async Task ConcurrentAsks_ShareOneReadOfTheWaveList_AndOnePerWavesRows()
    {
        var (waveReads, rowReads) = (0, new Dictionary<string, int>(StringComparer.Ordinal));
        var release = new TaskCompletionSource();
        async Task<IReadOnlyList<PublishedWave>> ReadWaves()
        {
            Interlocked.Increment(ref waveReads);
            await release.Task;
            return [new PublishedWave("2027-01", "v1"), new PublishedWave("2027-02", "v1")];
        }

        Task<IReadOnlyList<PublishedRow>> ReadRows(string wave)
        {
            lock (rowReads)
            {
                rowReads[wave] = rowReads.GetValueOrDefault(wave) + 1;
            }

            return Task.FromResult<IReadOnlyList<PublishedRow>>([]);
        }

        var ended = false;
        using (var reads = new RequestReads(() => ended = true))
        {
            var asks = Enumerable.Range(0, 8).Select(_ => Task.Run(() => reads.Waves(ReadWaves))).ToList();
            var rows = new[] { "2027-02", "2027-02", "2027-01", "2027-02" }.Select(w => reads.Rows(w, () => ReadRows(w))).ToList();
            release.SetResult();
            var lists = await Task.WhenAll(asks);
            await Task.WhenAll(rows);

            Assert.Equal(1, waveReads);
            Assert.All(lists, l => Assert.Same(lists[0], l));
            Assert.Equal(1, rowReads["2027-01"]);
            Assert.Equal(1, rowReads["2027-02"]);
            Assert.False(ended);
        }

        Assert.True(ended);
    }
}
