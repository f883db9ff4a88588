using PulsePipeline.Models.Instrument;

namespace PulsePipeline.Models.Workspace;

/// <summary>
/// The one rule that turns a flag row's change and 95% margin into a <see cref="ChangeClass"/> (the heatmap's
/// colour and symbol). It reads only the detector's published change and margin, so it forms no new figure.
/// </summary>
public static class ChangeClasses
{
    /// <summary>Below this share of its margin a change is shown as no clear change.</summary>
    public const double NoticeableShareOfMargin = 0.5;

    public static ChangeClass Classify(Construct construct, double change, double margin)
    {
        var adverse = construct == Construct.Pressure ? change > 0 : change < 0;
        var size = Math.Abs(change);
        if (margin > 0 && size > margin)
        {
            return adverse ? ChangeClass.ClearlyWorse : ChangeClass.ClearlyBetter;
        }

        if (size == 0 || size < NoticeableShareOfMargin * margin)
        {
            return ChangeClass.NoClearChange;
        }

        return adverse ? ChangeClass.Worse : ChangeClass.Better;
    }

    /// <summary>True for the constructs the detector judges (and the heatmap shows).</summary>
    public static bool IsJudged(Construct construct) => construct is Construct.Pressure or Construct.SpeakUp;
}
