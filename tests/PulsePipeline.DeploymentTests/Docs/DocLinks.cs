using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>
/// Checks the relative links of a Markdown document: each must name a file or folder inside the repository, and a
/// link to a heading of a Markdown file (`FILE.md#heading`, or `#heading` within the document) must name a heading
/// that file has. Web links are not followed; code spans and fenced blocks are not links.
/// </summary>
internal static partial class DocLinks
{
    /// <param name="file">The document, relative to the repository root (forward slashes).</param>
    /// <param name="markdown">Its text.</param>
    /// <param name="read">Reads a repository file by its path from the root, or null when there is none.</param>
    /// <param name="isDirectory">Whether a path from the root is a folder of the repository.</param>
    public static IReadOnlyList<string> Problems(string file, string markdown, Func<string, string?> read, Func<string, bool> isDirectory)
    {
        var problems = new List<string>();
        var folder = file.Contains('/', StringComparison.Ordinal) ? file[..file.LastIndexOf('/')] : "";
        foreach (var (line, target) in Links(markdown))
        {
            if (Web().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var resolved = path.Length == 0 ? file : Normalise(folder, path);
            if (resolved is null)
            {
                problems.Add($"{file}:{line}: ({target}) points outside the repository");
                continue;
            }

            var text = read(resolved);
            if (text is null && !isDirectory(resolved))
            {
                problems.Add($"{file}:{line}: ({target}) names no file of the repository");
            }
            else if (hash >= 0 && (text is null || !Anchors(text).Contains(target[(hash + 1)..])))
            {
                problems.Add($"{file}:{line}: ({target}) names no heading of {resolved}");
            }
        }

        return problems;
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation but hyphens and underscores dropped, spaces as hyphens.</summary>
    public static IReadOnlySet<string> Anchors(string markdown) =>
        Prose(markdown).Select(p => p.Text).Where(l => l.StartsWith('#'))
            .Select(l => Punctuation().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<(int Line, string Target)> Links(string markdown) =>
        from p in Prose(markdown)
        from Match m in Link().Matches(CodeSpan().Replace(p.Text, ""))
        select (p.Line, m.Groups["target"].Value.Trim());

    /// <summary>The lines outside fenced code blocks, numbered from 1.</summary>
    private static IEnumerable<(int Line, string Text)> Prose(string markdown)
    {
        var inBlock = false;
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
            }
            else if (!inBlock)
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    /// <summary>The path from the root, or null when `..` climbs above it.</summary>
    private static string? Normalise(string folder, string path)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Web();

    [GeneratedRegex(@"[^\p{L}\p{N} _-]")]
    private static partial Regex Punctuation();
}
