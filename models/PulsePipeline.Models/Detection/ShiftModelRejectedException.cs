namespace PulsePipeline.Models.Detection;

/// <summary>
/// The shipped shift model is missing or does not fit this build (see <see cref="ShiftModelSchema.Mismatches"/>):
/// a host refuses to start with this message rather than flag units with a model made for other data.
/// </summary>
public sealed class ShiftModelRejectedException : Exception
{
    public ShiftModelRejectedException()
    {
    }

    public ShiftModelRejectedException(string message)
        : base(message)
    {
    }

    public ShiftModelRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
