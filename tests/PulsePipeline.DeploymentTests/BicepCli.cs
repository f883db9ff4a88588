using System.Diagnostics;
using System.Reflection;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// The Bicep CLI that restore downloaded (PackageDownload of Azure.Bicep.CommandLine.linux-x64). Its path is
/// written into this assembly at build time, so the tests use exactly the version the project file pins.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static string ExecutablePath { get; } = Locate();

    public static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepRun($"bicep {string.Join(' ', arguments)}", process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepCliPath")?.Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The Bicep CLI is not at '{path}'. It comes from the PackageDownload of Azure.Bicep.CommandLine.linux-x64 in PulsePipeline.DeploymentTests.csproj: run `dotnet restore`.");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The deployment tests use the linux-x64 Bicep CLI package.");
        }

        // NuGet does not always keep the execute bit when it extracts a package.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
