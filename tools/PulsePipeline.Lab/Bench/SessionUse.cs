using System.Diagnostics;
using System.Globalization;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// Where a pipeline half's wall time went, from every send's start and end: opening the wave, the wait until the first
/// send (the queue trigger noticing the batches), the sending span, and within it how many of the pool's sessions were
/// busy on average and how long fewer than all of them were (batches running out unevenly: one batch is one session).
/// </summary>
internal sealed record SessionUse(TimeSpan Open, TimeSpan FirstSend, TimeSpan Span, double MeanBusy, TimeSpan BelowFull)
{
    public static SessionUse Of(long started, long opened, IReadOnlyList<(long Start, long End)> sends, int sessions)
    {
        if (sends.Count == 0)
        {
            return new(Stopwatch.GetElapsedTime(started, opened), TimeSpan.Zero, TimeSpan.Zero, 0, TimeSpan.Zero);
        }

        var first = sends.Min(s => s.Start);
        var last = sends.Max(s => s.End);
        var busy = sends.Sum(s => (double)(s.End - s.Start));
        // Sweep the starts and ends in time order: how long fewer than `sessions` sends were running.
        var edges = sends.SelectMany(s => new[] { (At: s.Start, Step: 1), (At: s.End, Step: -1) }).OrderBy(e => e.At).ThenBy(e => e.Step).ToList();
        long below = 0, previous = first;
        var running = 0;
        foreach (var (at, step) in edges)
        {
            if (running < sessions)
            {
                below += at - previous;
            }

            running += step;
            previous = at;
        }

        return new(
            Stopwatch.GetElapsedTime(started, opened),
            Stopwatch.GetElapsedTime(opened, first),
            Stopwatch.GetElapsedTime(first, last),
            busy / (last - first),
            TimeSpan.FromSeconds(below / (double)Stopwatch.Frequency));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"open {Open.TotalSeconds:0.00} s, first send {FirstSend.TotalSeconds:0.00} s after, sending {Span.TotalSeconds:0.00} s with {MeanBusy:0.0} sessions busy on average, fewer than all for {BelowFull.TotalSeconds:0.00} s");
}
