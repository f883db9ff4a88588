using System.Text.Json.Nodes;
using PulsePipeline.DeploymentTests.Configuration;
using PulsePipeline.Models.Publication;
using PulsePipeline.Pipeline.Configuration;
using PulsePipeline.TestSupport;

namespace PulsePipeline.DeploymentTests;

/// <summary>
/// One rule, one place: the k default and minimum are the domain's (<see cref="Publisher"/>), and every default the
/// code gives a setting is what local.settings.sample.json and the Bicep's parameters give it, except where a place
/// differs on purpose (named in <see cref="SettingDefaults"/>).
/// </summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class SettingDefaultsTests(CompiledTemplate template)
{
    private static readonly string Sample = RepositoryRoot.ReadAllText("local.settings.sample.json");

    [Fact]
    public void TheKDefaultAndMinimum_AreTheDomainsEverywhere()
    {
        var k = template.Json["parameters"]!["k"]!;

        Assert.Equal(Publisher.DefaultK, new PulseOptions().K);
        Assert.Equal(Publisher.DefaultK, (int)k["defaultValue"]!);
        Assert.Equal(Publisher.MinimumK, (int)k["minValue"]!);
        Assert.Equal($"{Publisher.DefaultK}", SettingDefaults.InSample(Sample)["PULSE_K"]);
    }

    [Fact]
    public void TheBicepsBoundsOnTheWaveLength_AreTheValidators()
    {
        var days = template.Json["parameters"]!["waveLengthDays"]!;

        Assert.Equal(PulseOptionsValidator.MinimumWaveLengthDays, (int)days["minValue"]!);
        Assert.Equal(PulseOptionsValidator.MaximumWaveLengthDays, (int)days["maxValue"]!);
    }

    [Fact]
    public void TheSampleSettings_HoldTheCodesDefaults_ButForTheLocalServices()
    {
        var differences = SettingDefaults.Differences("local.settings.sample.json", SettingDefaults.InSample(Sample), SettingDefaults.InCode(), SettingDefaults.LocalValues);

        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void TheBicepParameterDefaults_AreTheCodesDefaults_ButForAzuresRelay()
    {
        var bicep = SettingDefaults.InBicep(template.Json);

        var differences = SettingDefaults.Differences("infra/main.bicep", bicep, SettingDefaults.InCode(), SettingDefaults.AzureValues);

        Assert.Contains("PULSE_K", bicep.Keys); // parameters are followed, not only literals
        Assert.Contains("PULSE_SENDER_NAME", bicep.Keys);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>The checks can fail: a changed default in either place is reported, naming the key and both values.</summary>
    [Fact]
    public void AChangedDefault_IsReported()
    {
        var sample = JsonNode.Parse(Sample)!;
        sample["Values"]!["PULSE_WAVE_LENGTH_DAYS"] = "21";
        var changed = template.Json.DeepClone();
        changed["parameters"]!["k"]!["defaultValue"] = 4;

        var inSample = SettingDefaults.Differences("sample", SettingDefaults.InSample(sample.ToJsonString()), SettingDefaults.InCode(), SettingDefaults.LocalValues);
        var inBicep = SettingDefaults.Differences("bicep", SettingDefaults.InBicep(changed), SettingDefaults.InCode(), SettingDefaults.AzureValues);

        Assert.Equal(["sample sets PULSE_WAVE_LENGTH_DAYS to '21'; the code's default is '14'"], inSample);
        Assert.Equal(["bicep sets PULSE_K to '4'; the code's default is '5'"], inBicep);
    }
}
