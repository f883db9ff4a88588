using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// Finds every `pulse` command line in Markdown: in code spans and fenced code blocks, written as `./pulse …`,
/// `pulse …` or `dotnet run --project tools/PulsePipeline.Cli -- …`. It reads whatever the documents say, so it keeps
/// working when they are rewritten: a line ends at a shell operator, a comment or an ellipsis; [optional] brackets
/// are dropped; a|b alternatives of a command word become one command line each.
/// </summary>
internal static partial class DocCommands
{
    public static IReadOnlyList<DocCommand> Extract(string file, string markdown)
    {
        var found = new List<DocCommand>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var inBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            var pieces = inBlock ? [lines[i]] : CodeSpan().Matches(lines[i]).Select(m => m.Groups["code"].Value);
            foreach (var piece in pieces)
            {
                found.AddRange(Commands(piece).Select(words => new DocCommand(file, i + 1, piece.Trim(), words)));
            }
        }

        return found;
    }

    /// <summary>The command lines in one code span or code line, each as its words after `pulse`, alternatives expanded.</summary>
    private static IEnumerable<IReadOnlyList<string>> Commands(string code)
    {
        foreach (Match start in Invocation().Matches(code))
        {
            var rest = code[(start.Index + start.Length)..].Replace("\\|", "|", StringComparison.Ordinal);
            rest = End().Split(rest)[0];
            var words = Words().Matches(rest).Select(m => m.Value.Trim('"', '\'', '`', '[', ']')).Where(w => w.Length > 0).ToList();
            if (words.TakeWhile(w => !w.StartsWith('-')).Any(w => w.EndsWith(':')))
            {
                continue; // a bench's printed heading ("pulse bench wave: 121000 employees …"), not a command
            }

            foreach (var expanded in Expand(words.TakeWhile(w => !w.Contains('…', StringComparison.Ordinal)).ToList(), 0))
            {
                yield return expanded;
            }
        }
    }

    /// <summary>A command word written a|b|c stands for each of them; an option's value or an option written -a|-b does not.</summary>
    private static IEnumerable<IReadOnlyList<string>> Expand(List<string> words, int from)
    {
        var at = words.FindIndex(from, w => w.Contains('|', StringComparison.Ordinal) && !w.StartsWith('-') && (words.IndexOf(w) == 0 || !words[words.IndexOf(w) - 1].StartsWith('-')));
        if (at < 0)
        {
            yield return words;
            yield break;
        }

        foreach (var choice in words[at].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var expanded in Expand([.. words[..at], choice, .. words[(at + 1)..]], at + 1))
            {
                yield return expanded;
            }
        }
    }

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    /// <summary>
    /// `./pulse`, `pulse` or `dotnet run --project tools/PulsePipeline.Cli --`; not `.pulse/`, a path ending in pulse, or
    /// pulse as an option's value (`az … --name pulse`).
    /// </summary>
    [GeneratedRegex(@"(?<![\w./=-])(?<!\s-{1,2}[\w-]+\s+)(?:\./pulse|pulse|dotnet run --project tools/PulsePipeline\.Cli(?:/PulsePipeline\.Cli\.csproj)? --)(?=\s|$)")]
    private static partial Regex Invocation();

    /// <summary>Where a command line ends: a pipe, &amp;&amp;, ;, a redirection, a comment, a closing parenthesis.</summary>
    [GeneratedRegex(@"\s\|\s|&&|;|\s\d?>|\s<|\s#|\)")]
    private static partial Regex End();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|\S+")]
    private static partial Regex Words();
}
