using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Workspace.Reports;

/// <summary>A drawn rollout plan in a ministry report: the plan and its randomised result per construct as of the report's last wave.</summary>
public sealed record ReportPlan(RolloutPlan Plan, IReadOnlyList<PlanEffect> Effects);
