namespace PulsePipeline.Lab.Bench;

/// <summary>
/// One side of an alternated measurement: its name, what it counts, and one round's work (round 0 warms up), with
/// optional set-up before and clean-up after it that are not timed (composing messages, emptying the mailbox).
/// </summary>
internal sealed record Half(string Name, string Unit, Func<int, Task<long>> RunAsync, Func<int, Task>? BeforeAsync = null, Func<int, Task>? AfterAsync = null);
