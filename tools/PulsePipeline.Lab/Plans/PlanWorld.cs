using PulsePipeline.Models.Detection;

namespace PulsePipeline.Lab.Plans;

/// <summary>One simulated world: the published history with the plans' effects in it, and the plans.</summary>
public sealed record PlanWorld(PlanWorldSettings Settings, IReadOnlyList<string> Waves, IReadOnlyList<HistoryRow> Rows, IReadOnlyList<SimulatedPlan> Plans);
