namespace PulsePipeline.Pipeline.Storage;

/// <summary>
/// Table, queue and container names, all behind one optional prefix so that several runs (tests, two
/// checkouts) can share a storage account without seeing each other's data.
/// </summary>
public sealed class StorageNames(string prefix)
{
    public const string InvitationsQueue = "invitations";
    public const string ResponsesQueue = "responses";
    public const string PublishQueue = "publish";
    public const string DetectQueue = "detect";
    public const string AlertsQueue = "alerts";

    public static readonly IReadOnlyList<string> Queues = [InvitationsQueue, ResponsesQueue, PublishQueue, DetectQueue, AlertsQueue];

    /// <summary>The only table with names and email addresses.</summary>
    public string Roster => Table("roster");

    public string Waves => Table("waves");

    /// <summary>Each wave's snapshot of the unit tree and invited counts, taken when it opened.</summary>
    public string WaveUnits => Table("waveunits");

    /// <summary>Token hashes with wave, unit and state: no employee id, no email.</summary>
    public string Tokens => Table("tokens");

    /// <summary>Which (wave, round, employee) emails went out, for idempotent sending.</summary>
    public string Deliveries => Table("deliveries");

    /// <summary>Private running sums per (wave, unit) and their idempotency markers; never published.</summary>
    public string Tallies => Table("tallies");

    /// <summary>k-anonymous results, written once when a wave closes.</summary>
    public string Published => Table("published");

    public string Flags => Table("flags");

    public string Alerts => Table("alerts");

    /// <summary>IPIM's intervention registry.</summary>
    public string Interventions => Table("interventions");

    /// <summary>Who changed an intervention or viewed a unit page, and on which day (never a finer time).</summary>
    public string Audit => Table("audit");

    public string ModelsContainer => prefix + "models";

    public IEnumerable<string> Tables => [Roster, Waves, WaveUnits, Tokens, Deliveries, Tallies, Published, Flags, Alerts, Interventions, Audit];

    public string Queue(string name) => prefix + name;

    public string PoisonQueue(string name) => Queue(name) + "-poison";

    // Table names must be alphanumeric, so the prefix is lower-case letters and digits and tables get no dash.
    private string Table(string name) => prefix + name;
}
