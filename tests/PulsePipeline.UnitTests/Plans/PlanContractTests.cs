using PulsePipeline.Cli.Commands;
using PulsePipeline.Models.Detection;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.UnitTests.Plans;

/// <summary>
/// The contract with plans: interventions.csv may carry a plan column (written and read back unchanged, old files
/// without it unchanged), and `pulse effects` computes one row per plan and construct from the file alone, with the
/// plan's id in effects.csv's trailing plan column.
/// </summary>
public sealed class PlanContractTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pulse-plans-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void AnExport_CarriesThePlan_AndReadsBackUnchanged()
    {
        var member = new InterventionRecord("pl-0123456789ab.001", "BZK/DG 1", InterventionTypes.MoralDeliberation, "2027-03", InterventionStatuses.Planned, "ipim", "") { Plan = "pl-0123456789ab" };
        var other = new InterventionRecord("iv-0123456789ab", "BZK/DG 2", InterventionTypes.Other, "2027-04", InterventionStatuses.Running, "ipim", "notes");
        using var text = new StringWriter();
        InterventionsCsv.Write(text, [member, other]);

        var rows = InterventionsCsv.Rows(InterventionsCsv.Read(new StringReader(text.ToString()), "interventions.csv"));

        Assert.StartsWith("unit,intervention,start_wave,id,status,owner,notes,plan\n", text.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(["pl-0123456789ab", ""], rows.Select(r => r.Plan));
        var plan = InterventionImport.Plan(InterventionsCsv.Read(new StringReader(text.ToString()), "interventions.csv"), [member, other], _ => true, "ipim");
        Assert.Empty(plan.Problems);
        Assert.Equal(2, plan.Unchanged);
    }

    [Fact]
    public void AFileWithoutThePlanColumn_KeepsTheStoredPlan_AndCannotMoveAMembersStart()
    {
        var member = new InterventionRecord("pl-0123456789ab.001", "BZK/DG 1", InterventionTypes.MoralDeliberation, "2027-03", InterventionStatuses.Planned, "ipim", "") { Plan = "pl-0123456789ab" };
        var same = InterventionImport.Plan(InterventionsCsv.Read(new StringReader("id,unit,intervention,start_wave,status\npl-0123456789ab.001,BZK/DG 1,moral-deliberation,2027-03,running\n"), "f"), [member], _ => true, "ipim");
        var moved = InterventionImport.Plan(InterventionsCsv.Read(new StringReader("id,unit,intervention,start_wave\npl-0123456789ab.001,BZK/DG 1,moral-deliberation,2027-05\n"), "f"), [member], _ => true, "ipim");

        Assert.Empty(same.Problems);
        Assert.Equal("pl-0123456789ab", Assert.Single(same.Updated).After.Plan);
        Assert.Contains("by the draw of rollout plan pl-0123456789ab", Assert.Single(moved.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Effects_ComputesOneRowPerPlanAndConstruct_FromTheFileAlone()
    {
        var (rows, plan) = PlanEstimatorTests.World(members: 30, cohorts: 3, effect: 0.3, seed: 61);
        WriteHistory(rows);
        var lines = plan.Members.Select(m => $"{m.Unit},moral-deliberation,{m.StartWave},{plan.Id}").Append("u050,other,2027-09,");
        var (code, output, error) = Run(string.Join('\n', lines.Prepend("unit,intervention,start_wave,plan")));

        Assert.True(code == 0, error);
        var effects = File.ReadAllLines(Path.Combine(directory, "effects.csv"));
        Assert.Equal(string.Join(',', EffectsCsv.EffectColumns), effects[0]);
        Assert.EndsWith(",plan", effects[0], StringComparison.Ordinal);
        var planRows = effects.Where(l => l.EndsWith("," + plan.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, planRows.Count);
        Assert.All(planRows, l => Assert.Matches(@"^\*,moral-deliberation,,(pressure|speakup),20,-?\d\.\d{4},-?\d\.\d{4},-?\d\.\d{4},improved,", l));
        Assert.All(effects.Skip(1).Except(planRows), l => Assert.EndsWith(",", l, StringComparison.Ordinal));
        Assert.Contains($"plan {plan.Id} (moral-deliberation), pressure: pressure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanOfTwoTypes_IsRefused_AndNothingWritten()
    {
        var (rows, _) = PlanEstimatorTests.World(members: 8, cohorts: 2, effect: 0, seed: 62);
        WriteHistory(rows);

        var (code, _, error) = Run("unit,intervention,start_wave,plan\nu001,other,2027-07,p1\nu002,moral-deliberation,2027-08,p1");

        Assert.Equal(DetectCommand.BadInput, code);
        Assert.Contains("plan p1 has members of 2 types", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "effects.csv")));
    }

    private (int Code, string Output, string Error) Run(string interventions)
    {
        var path = Path.Combine(directory, "interventions.csv");
        File.WriteAllText(path, interventions + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EffectsCommand.Run(Path.Combine(directory, "history.csv"), path, Path.Combine(directory, "effects.csv"), null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private void WriteHistory(IEnumerable<HistoryRow> rows)
    {
        var lines = rows.Select(r => FormattableString.Invariant($"{r.Wave},{r.Unit},{r.N},{r.Invited},{r.PressureMean},{r.PressureSd},{r.SpeakUpMean},{r.SpeakUpSd}"));
        File.WriteAllLines(Path.Combine(directory, "history.csv"), new[] { string.Join(',', HistoryCsv.Columns) }.Concat(lines));
    }
}
