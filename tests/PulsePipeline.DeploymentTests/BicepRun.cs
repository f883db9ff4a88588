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

    /// <summary>Why the run is not clean (every diagnostic and anything else on stderr), or null when it is.</summary>
    public string? Failure =>
        ExitCode == 0 && Diagnostics.Count == 0 && StandardError.Trim().Length == 0
            ? null
            : $"`{Command}` exited {ExitCode} with {Diagnostics.Count} diagnostic(s):\n"
                + string.Join('\n', Diagnostics.Union(StandardError.Trim().Split('\n').Select(l => l.TrimEnd())).Where(l => l.Length > 0));

    /// <summary>Fails the test with the full <see cref="Failure"/> text (an Assert.Null message would be cut short).</summary>
    public void AssertClean()
    {
        if (Failure is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}
