using System.CommandLine;
using PulsePipeline.LocalHost;
using PulsePipeline.Pipeline.Queues;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.Cli.Commands;

/// <summary>
/// `pulse poison list|requeue|discard [--queue Q] [--id ID|--all]`: what waits in the -poison queues, with reason and
/// age and never an answer, and what to do with it once its cause is fixed. Works against Azurite (./pulse) and, with
/// the deployment's storage settings, against Azure as the signed-in operator (docs/OPERATIONS.md, Troubleshooting).
/// </summary>
internal static class PoisonCommand
{
    public static Command Create()
    {
        var listQueue = QueueOption();
        var list = new Command("list", "Show every poisoned message: queue, id, when and why it was poisoned, and what it is (never its answers or addresses).") { listQueue };
        list.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            if (!TryQueues(result.GetValue(listQueue), out var queues))
            {
                return await UnknownQueueAsync();
            }

            using var host = await PipelineRuntime.StartAsync(SettingsLayers.FromSettingsFile(), ct);
            var now = DateTimeOffset.UtcNow;
            var total = 0;
            foreach (var queue in queues)
            {
                var messages = await host.Get<PoisonQueues>().ListAsync(queue, ct);
                total += messages.Count;
                if (messages.Count > 0 || queues.Count == 1)
                {
                    Console.WriteLine(PoisonListing.Heading(queue, messages.Count));
                }

                foreach (var message in messages)
                {
                    Console.WriteLine(PoisonListing.Describe(message, now));
                }
            }

            Console.WriteLine(total == 0 ? "No poisoned messages." : $"{total} poisoned message(s). After fixing the cause: `pulse poison requeue --queue Q --id ID` (or --all); to drop one: `pulse poison discard`.");
            await host.StopAsync(ct);
            return 0;
        }));

        return new Command("poison", "Messages that could not be processed: list them, requeue them after fixing the cause, or discard them.")
        {
            list,
            Acting("requeue", "Put poisoned messages back on their queue (their retry counter reset), once their cause is fixed.", (p, q, id, ct) => p.RequeueAsync(q, id, ct), "requeued"),
            Acting("discard", "Delete poisoned messages for good.", (p, q, id, ct) => p.DiscardAsync(q, id, ct), "discarded"),
        };
    }

    private static Command Acting(string name, string description, Func<PoisonQueues, string, string?, CancellationToken, Task<int>> act, string done)
    {
        var id = new Option<string?>("--id") { Description = "The message, by the id `pulse poison list` shows." };
        var all = new Option<bool>("--all") { Description = "Every poisoned message (of --queue, or of every queue)." };
        var queue = QueueOption();
        var command = new Command(name, description) { queue, id, all };
        command.SetAction((result, ct) => CommandErrors.GuardAsync(async () =>
        {
            var one = result.GetValue(id);
            if ((one is not null) == result.GetValue(all)) // neither, or both
            {
                await Console.Error.WriteLineAsync("Say which: --id ID (from `pulse poison list`) or --all.");
                return CommandErrors.UserError;
            }

            if (!TryQueues(result.GetValue(queue), out var queues))
            {
                return await UnknownQueueAsync();
            }

            using var host = await PipelineRuntime.StartAsync(SettingsLayers.FromSettingsFile(), ct);
            var count = 0;
            foreach (var name in queues)
            {
                count += await act(host.Get<PoisonQueues>(), name, one, ct);
            }

            await host.StopAsync(ct);
            if (one is not null && count == 0)
            {
                await Console.Error.WriteLineAsync($"No poisoned message has the id {one}; `pulse poison list` shows the ids.");
                return CommandErrors.UserError;
            }

            Console.WriteLine($"{count} message(s) {done}.");
            return 0;
        }));
        return command;
    }

    private static Option<string?> QueueOption() =>
        new("--queue") { Description = $"One queue: {string.Join(", ", StorageNames.Queues)} (its -poison queue); default: all." };

    /// <summary>The queues meant: one by name (with or without -poison), or all when none is named.</summary>
    private static bool TryQueues(string? name, out IReadOnlyList<string> queues)
    {
        var bare = name is { } n && n.EndsWith("-poison", StringComparison.Ordinal) ? n[..^"-poison".Length] : name;
        queues = bare is null ? StorageNames.Queues : StorageNames.Queues.Where(q => q == bare).ToList();
        return queues.Count > 0;
    }

    private static async Task<int> UnknownQueueAsync()
    {
        await Console.Error.WriteLineAsync($"Unknown queue; use one of {string.Join(", ", StorageNames.Queues)}.");
        return CommandErrors.UserError;
    }
}
