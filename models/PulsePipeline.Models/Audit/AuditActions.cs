namespace PulsePipeline.Models.Audit;

/// <summary>What an audit row records: every change to the registry and every view of a unit page (docs/PIPELINE.md, Audit).</summary>
public static class AuditActions
{
    /// <summary>Subject: the intervention id.</summary>
    public const string InterventionAdded = "intervention-added";

    /// <summary>Subject: the intervention id; detail: which fields changed (never their text).</summary>
    public const string InterventionUpdated = "intervention-updated";

    /// <summary>Subject: the intervention id.</summary>
    public const string InterventionEnded = "intervention-ended";

    /// <summary>Subject: the rollout plan id; detail: its type, units and cohorts.</summary>
    public const string PlanRegistered = "plan-registered";

    /// <summary>Subject: the rollout plan id; detail: the seed and the members per cohort.</summary>
    public const string PlanDrawn = "plan-drawn";

    /// <summary>Subject: the rollout plan id; detail: the unit withdrawn (never the reason's text).</summary>
    public const string PlanMemberWithdrawn = "plan-member-withdrawn";

    /// <summary>Subject: the unit id whose workspace page was shown.</summary>
    public const string UnitViewed = "unit-viewed";
}
