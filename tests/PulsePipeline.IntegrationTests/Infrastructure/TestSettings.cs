using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace PulsePipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Settings for one test: the services ./test.sh started (from the environment it exports), a storage prefix
/// and an email domain of the test's own, and a fresh token secret.
/// </summary>
internal static class TestSettings
{
    public static string NewPrefix() => "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static Dictionary<string, string?> Create(string prefix, string surveyBaseUrl) => new()
    {
        ["AzureWebJobsStorage"] = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true",
        ["PULSE_STORAGE_PREFIX"] = prefix,
        ["PULSE_K"] = "5",
        ["PULSE_TOKEN_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
        ["PULSE_WAVE_SCHEDULE"] = "0 0 8 1 * *",
        ["PULSE_WAVE_LENGTH_DAYS"] = "14",
        ["PULSE_IPIM_RECIPIENTS"] = $"ipim@{prefix}.example",
        ["PULSE_SURVEY_BASE_URL"] = surveyBaseUrl,
        ["PULSE_SENDER_ADDRESS"] = "pulse@pulse.localhost",
        ["PULSE_SENDER_NAME"] = "Integriteitspuls (test)",
        ["PULSE_SMTP_HOST"] = "127.0.0.1",
        ["PULSE_SMTP_PORT"] = Environment.GetEnvironmentVariable("PULSE_SMTP_PORT") ?? "2525",
        ["PULSE_SMTP_STARTTLS"] = "false",
        ["PULSE_SEND_LIMITS"] = "",
        // ./pulse exports PULSE_DEV_SIGNIN=true for the local host; tests decide for themselves.
        ["PULSE_DEV_SIGNIN"] = "false",
    };

    /// <summary>Settings for a `pulse demo` child process: a free HTTP port of its own and a fresh PULSE_HOME.</summary>
    public static Dictionary<string, string?> ForDemo(string homePrefix)
    {
        var port = FreePort();
        var environment = Create("unused", $"http://127.0.0.1:{port}");
        environment["PULSE_HTTP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["PULSE_HOME"] = Directory.CreateTempSubdirectory(homePrefix).FullName;
        return environment;
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
