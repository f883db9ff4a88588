using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// A rollout plan: partition the plan id, row key <see cref="Row"/>; its members are rows of the same partition
/// (<see cref="PlanMemberEntity"/>). The draw is the seed alone: the members' cohorts follow from it by
/// Models.Plans.PlanDraw, so the row that records the seed is the one write that commits a draw.
/// </summary>
public sealed class PlanEntity : TableRow
{
    public const string Row = "plan";

    public string Type { get; set; } = "";

    public int? Capacity { get; set; }

    /// <summary>The cohorts' start waves, comma-separated in order (wave ids hold no comma).</summary>
    public string StartWaves { get; set; } = "";

    public string Strata { get; set; } = "";

    /// <summary>Contract construct words, comma-separated.</summary>
    public string Constructs { get; set; } = "";

    public string Owner { get; set; } = "";

    public string RegisteredById { get; set; } = "";

    public string RegisteredByName { get; set; } = "";

    /// <summary>yyyy-MM-dd: the day is all there is of time (privacy rule 4).</summary>
    public string Registered { get; set; } = "";

    public int Members { get; set; }

    /// <summary>16 hex digits once drawn; empty before.</summary>
    public string Seed { get; set; } = "";

    public string DrawnById { get; set; } = "";

    public string DrawnByName { get; set; } = "";

    public string Drawn { get; set; } = "";
}
