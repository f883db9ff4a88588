using System.Globalization;
using PulsePipeline.Pipeline.Queues;

namespace PulsePipeline.Cli.Commands;

/// <summary>How `pulse poison list` prints a message: id, age, deliveries, reason, and the summary that shows no answers.</summary>
internal static class PoisonListing
{
    public static string Heading(string queue, int count) => $"{queue}-poison: {count} message(s)";

    public static string Describe(PoisonedMessage message, DateTimeOffset now)
    {
        var when = message.PoisonedAt is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"poisoned {Age(now - at)} ago ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)")
            : "poisoned at an unknown time";
        var deliveries = message.Deliveries is { } d ? string.Create(CultureInfo.InvariantCulture, $" after {d} deliver{(d == 1 ? "y" : "ies")}") : "";
        return $"  {message.Id}  {when}{deliveries}\n      reason:  {message.Reason}\n      message: {message.Summary}";
    }

    /// <summary>"45 s", "12 min", "3 h 5 min", "2 d 4 h".</summary>
    public static string Age(TimeSpan age)
    {
        age = age < TimeSpan.Zero ? TimeSpan.Zero : age;
        return age.TotalMinutes < 1 ? $"{age.Seconds} s"
            : age.TotalHours < 1 ? $"{age.Minutes} min"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h {age.Minutes} min"
            : $"{(int)age.TotalDays} d {age.Hours} h";
    }
}
