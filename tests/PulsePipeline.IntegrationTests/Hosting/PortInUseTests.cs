using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.LocalHost;

namespace PulsePipeline.IntegrationTests.Hosting;

/// <summary>
/// A command whose local host would listen on a port that is taken says so, naming the port and the setting that
/// moves it, with exit code 2 and no stack trace, before it does any work.
/// </summary>
public sealed class PortInUseTests : IDisposable
{
    private readonly TcpListener taken = new(IPAddress.Loopback, 0);

    public PortInUseTests() => taken.Start();

    private int Port => ((IPEndPoint)taken.LocalEndpoint).Port;

    public static TheoryData<string[]> Commands => new()
    {
        { new[] { "bench", "workspace", "--units", "100", "--waves", "8", "--interventions", "2", "--n", "1" } },
        { new[] { "bench", "invitations", "--n", "21", "--rounds", "1" } },
        { new[] { "demo", "--employees", "40", "--units", "8", "--waves", "1", "--exit" } },
        { new[] { "host" } },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ACommandOnATakenPort_NamesThePortAndTheSetting_WithoutAStackTrace(string[] command)
    {
        var environment = TestSettings.Create(TestSettings.NewPrefix(), $"http://127.0.0.1:{Port}");
        environment["PULSE_HTTP_PORT"] = Port.ToString(CultureInfo.InvariantCulture);

        await using var pulse = PulseProcess.Start(command, environment);
        var exit = await pulse.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 2, pulse.Tail());
        Assert.Contains(pulse.Lines, l => l.Contains($"Port {Port} is already in use", StringComparison.Ordinal) && l.Contains("PULSE_HTTP_PORT", StringComparison.Ordinal));
        Assert.DoesNotContain(pulse.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
    }

    /// <summary>Taken between the check and the start: Kestrel's bind failure is worded the same way.</summary>
    [Fact]
    public async Task APortTakenWhenKestrelBinds_IsAPortInUseException()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        var url = $"http://127.0.0.1:{Port}";
        await using var host = LocalPipelineHost.Create(pipeline.Settings, url, LogLevel.Critical, triggers: []);

        var refusal = await Assert.ThrowsAsync<PortInUseException>(() => host.StartListeningAsync(CancellationToken.None));

        Assert.Contains($"Port {Port} is already in use", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(url, refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => taken.Stop();
}
