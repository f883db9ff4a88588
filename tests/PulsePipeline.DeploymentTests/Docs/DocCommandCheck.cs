using System.CommandLine;
using PulsePipeline.Cli;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// Checks a documented command line against the CLI: each command word names a command, `--help` on it exits 0, and
/// every option the line uses is one that command takes and its help lists.
/// </summary>
internal static class DocCommandCheck
{
    /// <summary>`./pulse services …` is the script's own (scripts/services.sh), not the CLI's.</summary>
    private static readonly string[] ServiceActions = ["start", "stop", "status"];

    /// <summary>
    /// What is wrong with the command lines one document line shows (its a|b alternatives expanded): each must name a
    /// command whose help works, and each option must be taken by at least one of them (`poison list|requeue [--id]`).
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<DocCommand> shownTogether)
    {
        var each = shownTogether.Select(c => (Command: c, Problems: Problems(c))).ToList();
        var missingOptions = each.SelectMany(e => e.Problems.Where(p => p.Option is not null).Select(p => p.Option!)).Distinct()
            .Where(option => each.All(e => e.Problems.Any(p => p.Option == option)));
        return [.. each.SelectMany(e => e.Problems.Where(p => p.Option is null || missingOptions.Contains(p.Option)).Select(p => p.Text)).Distinct()];
    }

    /// <summary>What is wrong with <paramref name="command"/>, with the option concerned if it is an option; empty when it works as written.</summary>
    private static IReadOnlyList<(string Text, string? Option)> Problems(DocCommand command)
    {
        var words = command.Words;
        if (words.Count > 0 && words[0] == "services")
        {
            return words.Skip(1).Where(w => !w.StartsWith('-')).All(ServiceActions.Contains) ? [] : [($"{command}: ./pulse services takes {string.Join("|", ServiceActions)}", null)];
        }

        var (target, path, unknown) = Resolve(PulseCommandLine.Create(), words);
        if (unknown is not null)
        {
            return [($"{command}: `{string.Join(' ', path.Append(unknown))}` is not a pulse command", null)];
        }

        var (exit, help) = Help(path);
        if (exit != 0)
        {
            return [($"{command}: `pulse {string.Join(' ', path)} --help` exited {exit}", null)];
        }

        var known = Options(target).ToHashSet(StringComparer.Ordinal);
        return [.. words.Skip(path.Count).Where(w => w.StartsWith('-')).SelectMany(w => w.Split('|')).Select(w => w.Split('=')[0]).Distinct()
            .Where(option => !known.Contains(option) || !help.Contains(option, StringComparison.Ordinal))
            .Select(option => ($"{command}: `pulse {string.Join(' ', path)}` has no option {option} (its help does not list it)", (string?)option))];
    }

    /// <summary>The command the words name, the command words used, and the first word that names no subcommand where one was needed.</summary>
    private static (Command Target, List<string> Path, string? Unknown) Resolve(Command root, IReadOnlyList<string> words)
    {
        var target = root;
        var path = new List<string>();
        foreach (var word in words.TakeWhile(w => !w.StartsWith('-')))
        {
            var next = target.Subcommands.FirstOrDefault(c => c.Name == word || c.Aliases.Contains(word));
            if (next is null)
            {
                // A command with subcommands and no action of its own needs one; anything else here is a value.
                return (target, path, target.Subcommands.Count > 0 && target.Action is null ? word : null);
            }

            target = next;
            path.Add(word);
        }

        return (target, path, null);
    }

    private static IEnumerable<string> Options(Command command)
    {
        for (Command? at = command; at is not null; at = at.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in at.Options.Where(o => at == command || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
        }
    }

    /// <summary>`pulse PATH --help`, in process: its exit code and what it printed.</summary>
    private static (int Exit, string Help) Help(IReadOnlyList<string> path)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PulseCommandLine.Create().Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString() + error);
    }
}
