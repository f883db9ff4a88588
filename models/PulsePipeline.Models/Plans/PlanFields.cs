namespace PulsePipeline.Models.Plans;

/// <summary>The names of a plan's fields, as the workspace form's inputs and in problems, so a problem points at what to fix.</summary>
public static class PlanFields
{
    public const string Type = "intervention";
    public const string Units = "units";
    public const string Capacity = "capacity";
    public const string Cohorts = "cohorts";
    public const string FirstStartWave = "first_start_wave";
    public const string Strata = "strata";
    public const string Constructs = "constructs";
    public const string Owner = "owner";
    public const string Unit = "unit";
    public const string Reason = "reason";
    public const string Plan = "plan";
}
