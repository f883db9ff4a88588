using PulsePipeline.Models.Effects.Plans;
using PulsePipeline.Models.Plans;

namespace PulsePipeline.Workspace.Plans;

/// <summary>
/// Every rollout plan with its status, and the plans' design-based effects as stored at the latest published wave
/// <see cref="AsOf"/> (null before any publication); unit names from that wave's published rows. Editors also see
/// what their last write did or why it was refused.
/// </summary>
public sealed record PlansModel(string? AsOf, IReadOnlyList<RolloutPlan> Plans, IReadOnlyList<PlanEffect> Effects, IReadOnlyDictionary<string, string> Names)
{
    public const string Registered = "registered";
    public const string Drawn = "drawn";
    public const string Withdrawn = "withdrawn";

    /// <summary>What an editor's write did, as the redirect after it says (<see cref="Registered"/>, <see cref="Drawn"/>, <see cref="Withdrawn"/>).</summary>
    public static IReadOnlyList<string> DoneWords { get; } = [Registered, Drawn, Withdrawn];

    /// <summary>One of <see cref="DoneWords"/> after an editor's write (a redirect), to say what happened.</summary>
    public string? Done { get; init; }

    /// <summary>Why an editor's draw or withdrawal was refused, and of which plan; nothing was written then.</summary>
    public IReadOnlyList<PlanProblem> Problems { get; init; } = [];

    public string? ProblemPlan { get; init; }
}
