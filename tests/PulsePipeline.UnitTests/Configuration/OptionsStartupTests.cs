using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PulsePipeline.Pipeline;

namespace PulsePipeline.UnitTests.Configuration;

/// <summary>The options are bound from flat PULSE_* settings and a bad value stops a host at start-up.</summary>
public sealed class OptionsStartupTests
{
    private static Dictionary<string, string?> Settings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["PULSE_K"] = "4",
        ["PULSE_TOKEN_SECRET"] = new string('x', 40),
        ["PULSE_IPIM_RECIPIENTS"] = "ipim@example.nl",
        ["PULSE_SURVEY_BASE_URL"] = "https://pulse.example.nl",
        ["PULSE_SENDER_ADDRESS"] = "pulse@example.nl",
        ["PULSE_SMTP_HOST"] = "smtp.example.nl",
    };

    [Fact]
    public void FlatSettings_BindToTheOptions()
    {
        using var host = Build(Settings());
        var options = host.Services.GetRequiredService<IOptions<PulsePipeline.Pipeline.Configuration.PulseOptions>>().Value;

        Assert.Equal(4, options.K);
        Assert.Equal("https://pulse.example.nl", options.SurveyBaseUrl);
    }

    [Fact]
    public async Task KBelowThree_StopsTheHost_NamingTheKey()
    {
        var settings = Settings();
        settings["PULSE_K"] = "2";
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PULSE_K", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTokenSecret_StopsTheHost_NamingTheKey()
    {
        var settings = Settings();
        settings.Remove("PULSE_TOKEN_SECRET");
        using var host = Build(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PULSE_TOKEN_SECRET", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddPulsePipeline(builder.Configuration);
        // Only option validation is under test: no storage is touched because validation runs first and fails.
        builder.Services.RemoveAll<IHostedService>();
        return builder.Build();
    }
}
