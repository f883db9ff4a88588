namespace PulsePipeline.Models.Sending;

/// <summary>At most <see cref="Count"/> emails in any window of length <see cref="Window"/> (a sliding window, not a calendar one).</summary>
public sealed record SendLimit(int Count, TimeSpan Window)
{
    public override string ToString() => $"{Count}/{SendLimits.FormatWindow(Window)}";
}
