namespace PulsePipeline.DeploymentTests.Bindings;

/// <summary>
/// What starts one function, as the two hosts see it: its name, its kind (queue, timer, http) and what the kind
/// needs: the queue read (after resolution), the schedule (as written, e.g. %PULSE_CLOSE_SCHEDULE%), or the route
/// and methods. Methods are lower-case; null means every method.
/// </summary>
internal sealed record FunctionBinding(
    string Name,
    string Kind,
    string? Queue = null,
    string? Schedule = null,
    bool RunOnStartup = false,
    string? Route = null,
    IReadOnlySet<string>? Methods = null)
{
    public const string QueueKind = "queue";
    public const string TimerKind = "timer";
    public const string HttpKind = "http";

    /// <summary>One line for failure messages.</summary>
    public override string ToString() => Kind switch
    {
        QueueKind => $"{Name}: queue {Queue}",
        TimerKind => $"{Name}: timer {Schedule}{(RunOnStartup ? " (runs on start-up)" : "")}",
        HttpKind => $"{Name}: http {(Methods is null ? "*" : string.Join(',', Methods.Order(StringComparer.Ordinal)))} {Route}",
        _ => $"{Name}: {Kind}",
    };
}
