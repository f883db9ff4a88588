using System.Diagnostics;
using System.Reflection;
using PulsePipeline.DeploymentTests.Bindings;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests.Architecture;

/// <summary>The Functions app's build output, and what `dotnet publish` makes of it: what Azure runs.</summary>
internal static class FunctionsApp
{
    public static string OutputDirectory => Path.GetDirectoryName(FunctionsMetadata.Path)!;

    private static string Configuration { get; } = typeof(FunctionsApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Configuration").Value!;

    private static readonly Lazy<string> Published = new(Publish);

    /// <summary>The app published once per test run (from its build: `dotnet publish --no-build`), as it is deployed.</summary>
    public static string PublishDirectory => Published.Value;

    private static string Publish()
    {
        var output = Directory.CreateTempSubdirectory("pulse-functions-publish-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", RepositoryRoot.File("functions", "PulsePipeline.Functions", "PulsePipeline.Functions.csproj"), "-c", Configuration, "--no-build", "--nologo", "-o", output })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of the Functions app took more than 5 minutes");
        }

        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"dotnet publish of the Functions app failed ({process.ExitCode}):\n{stdout.Result}{stderr.Result}");
    }
}
