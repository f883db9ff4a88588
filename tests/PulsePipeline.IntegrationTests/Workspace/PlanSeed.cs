using Azure.Data.Tables;
using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Models.Plans;
using PulsePipeline.Pipeline.Interventions;
using PulsePipeline.Pipeline.Plans;
using PulsePipeline.Pipeline.Storage;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Two rollout plans in the seeded workspace, written straight to the plans table: one registered and not drawn, one
/// drawn (a hostile unit name among its members, one member withdrawn) with its effects stored at the latest wave.
/// </summary>
internal static class PlanSeed
{
    public const string Drawn = "pl-00000000000d";
    public const string Registered = "pl-00000000000e";
    public const string Withdrawn = "BZK/DGOO/Team 1";
    /// <summary>The one member whose planned intervention is recorded (as a draw records it), for the unit page.</summary>
    public const string Member = "BZK/DGOO/Team 3";

    public const string WithdrawalReason = "samengevoegd met Team 2";

    public static IReadOnlyList<PlanEffect> Effects { get; } =
    [
        new(Drawn, InterventionTypes.GoodConversation, Construct.Pressure, 6, -0.31, -0.52, -0.08, EffectVerdict.Improved, PlanReason.None) { WindowClosed = true, Window = [WorkspaceSeed.Waves[^2]] },
        new(Drawn, InterventionTypes.GoodConversation, Construct.SpeakUp, 6, 0.04, -0.20, 0.27, EffectVerdict.NoClearChange, PlanReason.None) { WindowClosed = true, Window = [WorkspaceSeed.Waves[^2]] },
    ];

    public static async Task WriteAsync(TestPipeline pipeline)
    {
        var storage = pipeline.Storage;
        string[] units = ["BZK/DGOO/Directie Arbeidszaken/Team B.2", .. Enumerable.Range(1, 5).Select(i => $"BZK/DGOO/Team {i}")];
        var candidates = units.Select(u => new PlanCandidate(u, "")).ToList();
        var day = new DateOnly(2027, 9, 20);
        string[] starts = [WorkspaceSeed.Waves[^2], WorkspaceSeed.Waves[^1]];
        var drawn = new RolloutPlan(Drawn, InterventionTypes.GoodConversation, candidates, null, starts, PlanStrata.None, ["pressure"], "Els de Vries", "dev:els", "Els de Vries", day)
        {
            Drawing = new PlanDrawing(PlanSeeds.Format(0x5eed), "dev:els", "Els de Vries", day, PlanDraw.Draw(0x5eed, candidates, starts)),
        };
        var registered = new RolloutPlan(Registered, InterventionTypes.MoralDeliberation, [new(WorkspaceSeed.Secondary, ""), new("JenV/DJI/PI Zwolle", "")], 1, ["2028-01", "2028-02"], PlanStrata.None, ["speakup"], "Piet", "dev:piet", "Piet", day);
        foreach (var plan in new[] { drawn, registered })
        {
            var members = plan.Eligible.Select(c => PlanRows.ToMember(plan.Id, c)).ToList();
            foreach (var m in members.Where(m => plan == drawn && m.Unit == Withdrawn))
            {
                (m.Withdrawn, m.WithdrawnReason, m.WithdrawnById, m.WithdrawnByName) = ("2027-11-02", WithdrawalReason, "dev:els", "Els de Vries");
            }

            await TableBatches.SubmitAsync(storage.Plans, members.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, m)), CancellationToken.None);
            await storage.Plans.UpsertEntityAsync(PlanRows.ToEntity(plan));
        }

        await pipeline.Get<PlanEffectStore>().WriteAsync(WorkspaceSeed.Waves[^1], Effects, CancellationToken.None);
        var member = drawn.Drawing.Members.Single(m => m.Unit == Member);
        var record = new InterventionRecord(PlanIds.Intervention(Drawn, 0), Member, drawn.Type, member.StartWave, InterventionStatuses.Running, drawn.Owner, "") { Plan = Drawn };
        Assert.Equal(InterventionWriteOutcome.Saved, (await pipeline.Get<InterventionStore>().AddAsync(record, Models.Audit.AuditActors.CommandLine("seed"), CancellationToken.None)).Outcome);
    }
}
