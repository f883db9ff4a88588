using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>The repository paths a document names in code spans: `models/…`, `functions/…`, `tools/…`, `tests/…`, `infra/…`, `scripts/…`.</summary>
internal static partial class RepositoryPaths
{
    public static IReadOnlyList<string> Named(string markdown) =>
        [.. Path().Matches(markdown).Select(m => m.Groups["path"].Value.TrimEnd('/')).Where(p => !p.Contains("..", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];

    // A whole code span that is a path (no spaces, no ellipsis or wildcard): `models/PulsePipeline.Models/Publication/Publisher.cs`.
    [GeneratedRegex(@"`(?<path>(?:models|functions|tools|tests|infra|scripts)/[^`\s*…]+)`")]
    private static partial Regex Path();
}
