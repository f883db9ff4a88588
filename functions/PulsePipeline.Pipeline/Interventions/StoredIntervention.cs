using System.Globalization;
using Azure;
using PulsePipeline.Models.Interventions;

namespace PulsePipeline.Pipeline.Interventions;

/// <summary>
/// An intervention as stored, with its revision: 1 when recorded, one more at every change (rows written before
/// revisions were counted read as 0). An update names the version it was made from (<see cref="Version"/>, the
/// revision as text, which a form carries as a hidden field), so an edit based on an older read is refused as a
/// conflict instead of silently overwriting someone else's change. The row's ETag, which spells out the storage
/// service's time of the last write to a fraction of a second, stays on the server: it guards the write itself.
/// </summary>
public sealed record StoredIntervention(InterventionRecord Intervention, int Revision)
{
    /// <summary>The opaque version token of forms and commands: the revision number, no time.</summary>
    public string Version => Revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row's ETag, under which a change is written.</summary>
    internal ETag ETag { get; init; }
}
