using PulsePipeline.Models.Plans;

namespace PulsePipeline.Workspace.Plans;

/// <summary>The register form: the values to show, the problems by field, and the first start waves it offers (the waves to come).</summary>
public sealed record PlanFormModel(PlanFormValues Values, IReadOnlyList<PlanProblem> Problems, IReadOnlyList<string> Waves);
