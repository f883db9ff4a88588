using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PulsePipeline.Lab.Bench;

/// <summary>
/// `--profile`: where a half's time goes, from the activities the Azure SDK (storage operations), ASP.NET Core (the
/// survey's requests, server side) and HttpClient (every outgoing request) already emit: per operation, calls per item,
/// mean duration and summed time, printed after each half. Off by default: listening costs a little itself.
/// </summary>
internal static class Profile
{
    private static readonly ConcurrentDictionary<string, (long Count, double Ms)> Totals = new();
    private static ActivityListener? listener;

    /// <summary>Must run before the first storage client is created: the Azure SDK reads the switch once.</summary>
    public static void Start()
    {
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Azure", StringComparison.Ordinal) || s.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || s.Name.StartsWith("System.Net.Http", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var key = a.Source.Name + " " + a.OperationName + (a.Source.Name.StartsWith("Azure", StringComparison.Ordinal) ? "" : " " + a.Kind);
                Totals.AddOrUpdate(key, (1, a.Duration.TotalMilliseconds), (_, t) => (t.Count + 1, t.Ms + a.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public static void Reset() => Totals.Clear();

    public static void Print(long items)
    {
        if (listener is null)
        {
            return;
        }

        foreach (var (key, (count, ms)) in Totals.OrderByDescending(t => t.Value.Ms))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {key,-70} {count,7} calls {(double)count / items,6:0.00}/item {ms / count,8:0.0} ms avg {ms / 1000,8:0.0} s total"));
        }
    }
}
