using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Plans;

/// <summary>
/// An eligible unit of a plan: partition the plan id, row key "m|" and the encoded unit id. The stratum label is fixed
/// at registration, so the draw depends on nothing but the seed; a withdrawal is recorded here and never undone.
/// </summary>
public sealed class PlanMemberEntity : TableRow
{
    public const string RowPrefix = "m|";

    public string Unit { get; set; } = "";

    public string Stratum { get; set; } = "";

    public string WithdrawnReason { get; set; } = "";

    public string WithdrawnById { get; set; } = "";

    public string WithdrawnByName { get; set; } = "";

    /// <summary>yyyy-MM-dd; empty while the member is in the plan.</summary>
    public string Withdrawn { get; set; } = "";
}
