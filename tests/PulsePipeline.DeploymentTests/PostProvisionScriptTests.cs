using PulsePipeline.TestSupport;
using System.Diagnostics;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// infra/scripts/postprovision.sh run offline against stand-ins for `az` and `azd` that record every call (and the
/// files passed with @) and refuse Microsoft Graph on request, as Entra ID does for a deployer who may not register
/// applications. Then `azd up` must go on: exit 0, the token secret still checked, the workspace left closed, and the
/// exact commands to run later printed.
/// </summary>
public sealed class PostProvisionScriptTests : IDisposable
{
    private const string Principal = "0f0f0f0f-1111-2222-3333-444444444444";
    private const string NewClientId = "11111111-2222-3333-4444-555555555555";

    private const string AzStub = """
        #!/bin/sh
        echo "az $*" >>"$STUB_LOG"
        for a in "$@"; do case "$a" in @*) cat "${a#@}" >>"$STUB_LOG"; echo >>"$STUB_LOG";; esac; done
        case "$1 $2" in
          "account show") exit 0 ;;
          "keyvault secret")
            if [ "$2 $3" = "secret show" ]; then echo "https://kv.vault.azure.net/secrets/pulse-token-secret/1"; fi
            exit 0 ;;
          "ad "*)
            if [ "$STUB_GRAPH" = refuse ]; then
              echo "ERROR: Insufficient privileges to complete the operation." >&2
              exit 1
            fi
            case "$2 $3" in
              "app create") echo "11111111-2222-3333-4444-555555555555" ;;
            esac
            exit 0 ;;
        esac
        exit 0
        """;

    private const string AzdStub = """
        #!/bin/sh
        echo "azd $*" >>"$STUB_LOG"
        exit 0
        """;

    private readonly DirectoryInfo stubs = Directory.CreateTempSubdirectory("pulse-postprovision-");

    public PostProvisionScriptTests()
    {
        Write("az", AzStub);
        Write("azd", AzdStub);
    }

    private string Log => Path.Combine(stubs.FullName, "calls.log");

    [Fact]
    public void GraphRefused_AzdUpGoesOn_TheWorkspaceStaysClosed_AndTheCommandsToRunLaterArePrinted()
    {
        var (exit, stdout, stderr) = Run(graph: "refuse");
        var calls = File.ReadAllText(Log);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("az keyvault secret show --vault-name kv-pulse-test --name pulse-token-secret", calls, StringComparison.Ordinal);
        Assert.Contains("SMTP is not configured yet", stdout, StringComparison.Ordinal);
        Assert.Contains("az ad app list", calls, StringComparison.Ordinal);
        Assert.DoesNotContain("azd env set", calls, StringComparison.Ordinal);
        Assert.Contains("the workspace's sign-in is NOT set up", stderr, StringComparison.Ordinal);
        Assert.Contains($"WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID={Principal} sh infra/scripts/workspace-app.sh", stderr, StringComparison.Ordinal);
        Assert.Contains("AZURE_TENANT_ID=tenant-1 AZURE_ENV_NAME=test FUNCTION_APP_URL=https://func-pulse.example", stderr, StringComparison.Ordinal);
        Assert.Contains("azd env set PULSE_WORKSPACE_CLIENT_ID <the client id it prints> && azd provision", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphAllowed_RegistersTheApp_TrustsTheAuthIdentity_AndStoresTheClientId()
    {
        var (exit, stdout, stderr) = Run(graph: "allow");
        var calls = File.ReadAllText(Log);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("az ad app create --display-name pulsepipeline-ipim-test", calls, StringComparison.Ordinal);
        Assert.Contains("az ad app federated-credential create", calls, StringComparison.Ordinal);
        Assert.Contains($"\"subject\":\"{Principal}\"", calls, StringComparison.Ordinal);
        Assert.Contains($"azd env set PULSE_WORKSPACE_CLIENT_ID {NewClientId}", calls, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT set up", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => stubs.Delete(recursive: true);

    private (int Exit, string Stdout, string Stderr) Run(string graph)
    {
        var start = new ProcessStartInfo("sh", [RepositoryRoot.File("infra", "scripts", "postprovision.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["PATH"] = $"{stubs.FullName}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["STUB_LOG"] = Log;
        start.Environment["STUB_GRAPH"] = graph;
        start.Environment["AZURE_KEY_VAULT_NAME"] = "kv-pulse-test";
        start.Environment["AZURE_TENANT_ID"] = "tenant-1";
        start.Environment["AZURE_ENV_NAME"] = "test";
        start.Environment["FUNCTION_APP_URL"] = "https://func-pulse.example";
        start.Environment["WORKSPACE_AUTH_IDENTITY_PRINCIPAL_ID"] = Principal;
        start.Environment["SMTP_CONFIGURED"] = "false";
        start.Environment.Remove("PULSE_WORKSPACE_CLIENT_ID");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("postprovision.sh did not finish within a minute");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private void Write(string name, string script)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The post-provision hook is a POSIX shell script; these tests run it on Linux.");
        }

        var path = Path.Combine(stubs.FullName, name);
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
