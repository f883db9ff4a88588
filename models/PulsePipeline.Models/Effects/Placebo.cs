namespace PulsePipeline.Models.Effects;

/// <summary>
/// One placebo window: a control unit at a pseudo-start, predicted exactly as a treated unit would be. Its standardised
/// error <see cref="Error"/> = (observed − predicted)/σ̂ is what the method's errors look like with no intervention.
/// </summary>
internal readonly record struct Placebo(int Unit, int Start, double Jump, double OtherJump, double LogSigma, double Error);
