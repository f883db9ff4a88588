using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.LocalHost;
using PulsePipeline.Models.Detection;
using PulsePipeline.Pipeline.Detection;

namespace PulsePipeline.IntegrationTests.Hosting;

/// <summary>
/// The local host refuses to start without a shift model that fits this build, saying what is wrong and how to make
/// one, before it touches storage or opens a port. (The Functions app runs the same check, ShiftModelFiles.Load, in
/// AddPulseFunctions; ShippedShiftModelTests covers every refusal of it.)
/// </summary>
public sealed class ShiftModelRefusalTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pulse-host-model-");

    [Fact]
    public void WithoutTheModel_TheLocalHostRefusesToStart_NamingTheFileAndTheCommand()
    {
        File.Copy(Path.Combine(ShiftModelFiles.DefaultDirectory, ShiftModelSchema.SchemaFileName), Path.Combine(directory.FullName, ShiftModelSchema.SchemaFileName));

        var refusal = Assert.Throws<ShiftModelRejectedException>(Create);

        Assert.Contains($"{ShiftModelSchema.ModelFileName} is missing", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("./pulse train-model", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAModelForAnotherInstrument_TheLocalHostRefusesToStart_NamingBothVersions()
    {
        File.Copy(Path.Combine(ShiftModelFiles.DefaultDirectory, ShiftModelSchema.ModelFileName), Path.Combine(directory.FullName, ShiftModelSchema.ModelFileName));
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(ShiftModelFiles.DefaultDirectory, ShiftModelSchema.SchemaFileName)))!.AsObject();
        schema["instrumentVersion"] = "integrity-pulse-v0";
        File.WriteAllText(Path.Combine(directory.FullName, ShiftModelSchema.SchemaFileName), schema.ToJsonString());

        var refusal = Assert.Throws<ShiftModelRejectedException>(Create);

        Assert.Contains("made for instrument integrity-pulse-v0; this build surveys with integrity-pulse-v1", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("./pulse train-model", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheShippedModel_TheLocalHostIsBuilt_WithThatModel()
    {
        foreach (var file in new[] { ShiftModelSchema.ModelFileName, ShiftModelSchema.SchemaFileName })
        {
            File.Copy(Path.Combine(ShiftModelFiles.DefaultDirectory, file), Path.Combine(directory.FullName, file));
        }

        await using var host = Create();

        var schema = ShiftModelSchema.FromJson(File.ReadAllText(Path.Combine(directory.FullName, ShiftModelSchema.SchemaFileName)));
        Assert.Equal(schema.ModelVersion, host.Services.GetRequiredService<ShiftModel>().Version);
    }

    public void Dispose() => directory.Delete(recursive: true);

    private Microsoft.AspNetCore.Builder.WebApplication Create()
    {
        var prefix = TestSettings.NewPrefix();
        var url = $"http://127.0.0.1:{TestSettings.FreePort()}";
        return LocalPipelineHost.Create(new SettingsLayers(TestSettings.Create(prefix, url), new Dictionary<string, string?>()), url, shiftModelDirectory: directory.FullName);
    }
}
