using PulsePipeline.IntegrationTests.Infrastructure;
using PulsePipeline.Models.Effects;
using PulsePipeline.Models.Interventions;
using PulsePipeline.Pipeline.Detection;
using PulsePipeline.Pipeline.Effects;
using PulsePipeline.Pipeline.Interventions;

namespace PulsePipeline.IntegrationTests.Workspace;

/// <summary>
/// Interventions recorded through the real registry for <see cref="WorkspaceSeed"/>'s units (notes with markup, bidi
/// overrides and a formula prefix), and their effects as the real estimator finds them from the seeded published
/// rows, stored with the real EffectStore as of the last two waves. The seed's tree is small, so the estimator's
/// minimum numbers of comparison units and placebo windows are lowered: the figures are still its own.
/// </summary>
internal static class RegistrySeed
{
    public const string Actor = "Seed Editor";
    public const string HostileNotes = "<script>alert('n')</script> =SUM(A1) \u202Eton\u202C <b>vet</b>";

    public static EffectSettings Settings { get; } = new() { MinComparisonUnits = 3, MinPlacebos = 5, MinPreWaves = 2 };

    public static IReadOnlyList<InterventionRecord> Interventions { get; } =
    [
        new("", WorkspaceSeed.Shifted, InterventionTypes.MoralDeliberation, WorkspaceSeed.Waves[^4], InterventionStatuses.Running, "Els Editor", HostileNotes),
        new("", "FIN/Belastingdienst/Team 1", InterventionTypes.DilemmaTraining, WorkspaceSeed.Waves[^5], InterventionStatuses.Running, "Els Editor", "Twee sessies per kwartaal."),
        new("", "JenV/DJI/PI Zwolle", InterventionTypes.MoralDeliberation, WorkspaceSeed.Waves[^3], InterventionStatuses.Ended, "=cmd|' /C calc'!A0", ""),
        new("", WorkspaceSeed.SometimesSuppressed, InterventionTypes.GoodConversation, "2028-01", InterventionStatuses.Planned, "Els Editor", "Start volgend jaar."),

        // Started right after its unit's move, which no untreated unit matched: inconclusive although the unit has published
        // since, so the power in its size band shows; its long one-word name must still print within the report's width.
        new("", WorkspaceSeed.ShiftedParent, InterventionTypes.GoodConversation, WorkspaceSeed.Waves[^1], InterventionStatuses.Running, "Els Editor", ""),
    ];

    public static async Task WriteAsync(TestPipeline pipeline)
    {
        var store = pipeline.Get<InterventionStore>();
        foreach (var intervention in Interventions)
        {
            var result = await store.AddAsync(intervention, Actors.Named(Actor), CancellationToken.None);
            if (result.Outcome != InterventionWriteOutcome.Saved)
            {
                throw new InvalidOperationException("seed intervention refused: " + string.Join("; ", result.Problems));
            }
        }

        await EstimateAsync(pipeline, WorkspaceSeed.Waves[^2]);
        await EstimateAsync(pipeline, WorkspaceSeed.Waves[^1]);
    }

    /// <summary>What EstimateEffects does after a wave: the registry's interventions against the history up to the wave.</summary>
    public static async Task EstimateAsync(TestPipeline pipeline, string asOf)
    {
        var planned = (await pipeline.Get<InterventionStore>().ListAsync(InterventionFilter.All, CancellationToken.None))
            .Select(s => new PlannedIntervention(s.Intervention.Id, s.Intervention.Unit, s.Intervention.Type, s.Intervention.StartWave))
            .ToList();
        var history = await pipeline.Get<PublishedHistory>().HistoryUpToAsync(asOf, CancellationToken.None);
        var report = EffectEstimator.Estimate(history, planned, asOf, null, Settings);
        await pipeline.Get<EffectStore>().WriteAsync(asOf, report, CancellationToken.None);
    }
}
