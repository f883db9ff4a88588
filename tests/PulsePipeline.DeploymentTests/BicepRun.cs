using System.Text.RegularExpressions;

namespace PulsePipeline.DeploymentTests;

/// <summary>What one invocation of the Bicep CLI produced.</summary>
internal sealed partial record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Diagnostic lines ("file(line,col) : Warning rule: message"), wherever the CLI printed them. The CLI
    /// exits 0 on warnings, including type errors, so a clean exit code proves nothing on its own.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        [.. $"{StandardOutput}\n{StandardError}".Split('\n').Select(l => l.TrimEnd()).Where(l => DiagnosticLine().IsMatch(l))];

    /// <summary>Why the run is not clean, or null when it exited 0 and said nothing on stderr.</summary>
    public string? Failure =>
        ExitCode == 0 && Diagnostics.Count == 0 && StandardError.Trim().Length == 0
            ? null
            : $"`{Command}` exited {ExitCode} with {Diagnostics.Count} diagnostic(s):\n{StandardError.Trim()}";

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}
