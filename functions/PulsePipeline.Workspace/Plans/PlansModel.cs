using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Workspace.Plans;

/// <summary>
/// Every rollout plan with its status, and the plans' design-based effects as stored at the latest published wave
/// <see cref="AsOf"/> (null before any publication); unit names from that wave's published rows.
/// </summary>
public sealed record PlansModel(string? AsOf, IReadOnlyList<RolloutPlan> Plans, IReadOnlyList<PlanEffect> Effects, IReadOnlyDictionary<string, string> Names);
