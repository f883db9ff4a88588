namespace PulsePipeline.DeploymentTests.Docs;

/// <summary>A `pulse` command line as a document shows it: where, and its words after `pulse`.</summary>
internal sealed record DocCommand(string File, int Line, string Text, IReadOnlyList<string> Words)
{
    public override string ToString() => $"{File}:{Line}: `{Text}`";
}
