using System.Security.Cryptography;
using System.Text;

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
    public const string EffectsQueue = "effects";
    public const string AlertsQueue = "alerts";

    public static readonly IReadOnlyList<string> Queues = [InvitationsQueue, ResponsesQueue, PublishQueue, DetectQueue, EffectsQueue, AlertsQueue];

    /// <summary>The only table with names and email addresses.</summary>
    public string Roster => Table("roster");

    public string Waves => Table("waves");

    /// <summary>Each wave's snapshot of the unit tree and invited counts, taken when it opened.</summary>
    public string WaveUnits => Table("waveunits");

    /// <summary>Which (wave, round, employee) emails went out, for idempotent sending.</summary>
    public string Deliveries => Table("deliveries");

    /// <summary>
    /// Private sums per (wave, unit), copied here from the wave's own table when the wave is published and kept for
    /// audit; never published, never read by the workspace.
    /// </summary>
    public string Tallies => Table("tallies");

    /// <summary>k-anonymous results, written once when a wave closes.</summary>
    public string Published => Table("published");

    public string Flags => Table("flags");

    public string Alerts => Table("alerts");

    /// <summary>IPIM's intervention registry.</summary>
    public string Interventions => Table("interventions");

    /// <summary>IPIM's randomised rollout plans: each plan, its eligible units and their withdrawals (the draw is its seed).</summary>
    public string Plans => Table("plans");

    /// <summary>Who changed an intervention or viewed a unit page, and on which day (never a finer time).</summary>
    public string Audit => Table("audit");

    /// <summary>Effects of interventions as known at each published wave (EstimateEffects), from published figures only.</summary>
    public string Effects => Table("effects");

    /// <summary>The send ledger that holds every host's email to PULSE_SEND_LIMITS (one row).</summary>
    public string SendLedger => Table("sendledger");

    /// <summary>Development sign-in sessions that were signed out, until they would have expired anyway.</summary>
    public string SignOuts => Table("signouts");

    /// <summary>The tables every host creates at start; each wave's own table comes and goes with the wave.</summary>
    public IEnumerable<string> Tables => [Roster, Waves, WaveUnits, Deliveries, Tallies, Published, Flags, Alerts, Interventions, Audit, Effects, SendLedger, SignOuts, Plans];

    /// <summary>
    /// The name of a wave's own table, which holds its token rows, idempotency markers and running tallies until the
    /// wave is published, so that publication removes all of them with one table delete. Table names are 3–63
    /// letters and digits, case-insensitive, starting with a letter; wave ids may hold capitals, '.', '_' and '-',
    /// so the name is the prefix, "wave", the id's letters and digits (lower case, at most 24) and 10 hex digits of
    /// SHA-256 of the exact id, which keeps names of different waves apart: at most 16 + 4 + 24 + 10 = 54 characters.
    /// The name is stored on the wave row when the wave is created; readers use the stored one.
    /// </summary>
    public string WaveTable(string waveId)
    {
        ArgumentNullException.ThrowIfNull(waveId);
        var readable = new string(waveId.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).Take(24).ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(waveId)))[..10];
        return Table("wave" + readable + hash);
    }

    public string Queue(string name) => prefix + name;

    public string PoisonQueue(string name) => Queue(name) + "-poison";

    // Table names must be alphanumeric, so the prefix is lower-case letters and digits and tables get no dash.
    private string Table(string name) => prefix + name;
}
