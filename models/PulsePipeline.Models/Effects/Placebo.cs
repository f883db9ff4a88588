namespace PulsePipeline.Models.Effects;

/// <summary>
/// One placebo window: a control unit at a pseudo-start, predicted exactly as a treated unit would be. Its standardised
/// error <see cref="Error"/> = (observed − predicted)/σ̂ is what the method's errors look like with no intervention. The
/// features a treated window is matched on: the jump and flag indices of both constructs (<see cref="PreWindow"/>) and
/// log σ̂. <see cref="Cut"/>: the unit's own later intervention cut the window short (the rest carried forward).
/// </summary>
internal readonly record struct Placebo(int Unit, int Start, double Jump, double OtherJump, double LogSigma, double Error, double Flag, double OtherFlag, bool Cut)
{
    /// <summary>A treated window as a query against the placebos: the same features, no error.</summary>
    public static Placebo Query(int unit, PreWindow pre, int c, double sigma) => new(unit, pre.Start, pre.Jump[c], pre.Jump[1 - c], Math.Log(sigma), 0, pre.Flag[c], pre.Flag[1 - c], false);
}
