namespace PulsePipeline.Models.Sending;

/// <summary>
/// Permission for one host to send up to <see cref="Count"/> emails before <see cref="LeaseEnd"/>. Until it is closed it
/// counts in full against every window; a host that never closes it (it crashed) loses it at the lease's end.
/// </summary>
public sealed record SendGrant(long Id, int Count, DateTimeOffset LeaseEnd);
