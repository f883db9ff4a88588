namespace PulsePipeline.Models.Alerts;

/// <summary>
/// How single items moved in a unit, from its published answer distributions: the change of the item mean
/// against its earlier published waves. Null where the unit has no comparable history.
/// </summary>
public sealed record ItemShift(double? ManagerPressure, double? LeadershipPressure, double? KnowsWhereToReport, double? KnowsWhereToReportNow)
{
    public static ItemShift None { get; } = new(null, null, null, null);
}
