namespace PulsePipeline.Cli.Bench;

internal static class WaveBench
{
    public static Task<int> RunAsync(int a, int b, int c, CancellationToken cancellationToken) => Task.FromResult(0);
}
