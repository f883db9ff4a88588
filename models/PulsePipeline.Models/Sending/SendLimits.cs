using System.Globalization;

namespace PulsePipeline.Models.Sending;

/// <summary>
/// The text form of PULSE_SEND_LIMITS: comma-separated <c>count/window</c> pairs, the window a whole number of
/// seconds, minutes or hours (<c>30/1m,100/1h</c>: Communication Services' quota of a new custom domain). Empty means
/// unlimited. Providers count per minute and per hour; the windows here slide, so a limit kept here is kept in every
/// calendar minute and hour too.
/// </summary>
public static class SendLimits
{
    public static readonly TimeSpan ShortestWindow = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

    /// <summary>The limits, shortest window first; null with a reason when the text is not valid.</summary>
    public static IReadOnlyList<SendLimit>? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limits = new List<SendLimit>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0
                || !int.TryParse(part[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
                || ParseWindow(part[(slash + 1)..]) is not { } window)
            {
                error = $"'{part}' is not count/window, e.g. 30/1m (a count of at least 1; a window in s, m or h from {FormatWindow(ShortestWindow)} to {FormatWindow(LongestWindow)}).";
                return null;
            }

            if (limits.Any(l => l.Window == window))
            {
                error = $"the window {FormatWindow(window)} is given twice.";
                return null;
            }

            limits.Add(new SendLimit(count, window));
        }

        error = null;
        return [.. limits.OrderBy(l => l.Window)];
    }

    public static string FormatWindow(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0}h"
        : window.TotalMinutes >= 1 && window.TotalMinutes == Math.Floor(window.TotalMinutes) ? $"{window.TotalMinutes:0}m"
        : $"{window.TotalSeconds:0}s";

    private static TimeSpan? ParseWindow(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        TimeSpan? window = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => null,
        };
        return window >= ShortestWindow && window <= LongestWindow ? window : null;
    }
}
