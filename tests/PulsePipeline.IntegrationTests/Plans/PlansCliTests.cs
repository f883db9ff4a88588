using PulsePipeline.Cli.Commands;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Plans;

namespace PulsePipeline.IntegrationTests.Plans;

/// <summary>`pulse plans add|draw|list|show|withdraw` against real storage: the same registry as the workspace.</summary>
public sealed class PlansCliTests
{
    [Fact]
    public async Task AddDrawShowWithdraw_FromTheCommandLine()
    {
        await using var pipeline = await TestPipeline.CreateAsync();
        await PlanUnits.CreateAsync(pipeline);
        var request = new PlanRequest(InterventionTypes.LeadershipCoaching, PlanUnits.All, Capacity: 5, Cohorts: null, "2027-02-01", null, PlanStrata.None, ["pressure"], "Team integriteit");

        var (code, output, errors) = await Run(o => PlansCli.AddAsync(request, "jan", pipeline.Settings, o.Output, o.Errors, CancellationToken.None));
        Assert.True(code == 0, errors);
        var id = Assert.Single(await pipeline.Get<PlanStore>().ListAsync(CancellationToken.None)).Id;
        Assert.Contains($"Registered plan {id}: leadership-coaching, 12 units in 3 cohorts from 2027-02-01", output, StringComparison.Ordinal);

        (code, output, errors) = await Run(o => PlansCli.DrawAsync(id, "jan", pipeline.Settings, o.Output, o.Errors, CancellationToken.None));
        Assert.True(code == 0, errors);
        var seed = (await pipeline.Get<PlanStore>().GetAsync(id, CancellationToken.None))!.Drawing!.Seed;
        Assert.Contains($"with seed {seed}", output, StringComparison.Ordinal);
        Assert.Contains("Cohort 3, from 2027-04-01 (4 units):", output, StringComparison.Ordinal);

        (code, _, errors) = await Run(o => PlansCli.DrawAsync(id, "jan", pipeline.Settings, o.Output, o.Errors, CancellationToken.None));
        Assert.Equal(CommandErrors.UserError, code);
        Assert.Contains("a draw is final", errors, StringComparison.Ordinal);

        (code, output, errors) = await Run(o => PlansCli.WithdrawAsync(id, PlanUnits.Unit(2), "reorganised", "jan", pipeline.Settings, o.Output, o.Errors, CancellationToken.None));
        Assert.True(code == 0, errors);
        (code, output, _) = await Run(o => PlansCli.ShowAsync(id, pipeline.Settings, o.Output, o.Errors, CancellationToken.None));
        Assert.Equal(0, code);
        Assert.Contains($"{PlanUnits.Unit(2)}  withdrawn", output, StringComparison.Ordinal);
        Assert.Contains("by cli:jan: reorganised", output, StringComparison.Ordinal);

        (code, output, _) = await Run(o => PlansCli.ListAsync(pipeline.Settings, o.Output, CancellationToken.None));
        Assert.Equal(0, code);
        Assert.Matches($@"{id}\s+leadership-coaching\s+12\s+3\s+2027-02-01\s+drawn\s+1\s+Team integriteit", output);
    }

    [Fact]
    public async Task ContradictoryOptions_AreRefusedBeforeAnythingStarts()
    {
        var request = new PlanRequest(InterventionTypes.Other, null, Capacity: 5, Cohorts: 3, "2027-02-01", null, PlanStrata.None, ["pressure"], "x");

        var (code, _, errors) = await Run(o => PlansCli.AddAsync(request, "jan", null!, o.Output, o.Errors, CancellationToken.None));

        Assert.Equal(CommandErrors.UserError, code);
        Assert.Contains("one of --capacity or --cohorts", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> Run(Func<(TextWriter Output, TextWriter Errors), Task<int>> command)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await command((output, errors));
        return (code, output.ToString(), errors.ToString());
    }
}
