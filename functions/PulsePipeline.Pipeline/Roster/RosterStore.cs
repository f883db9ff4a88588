using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using PulsePipeline.Models.Instrument;
using PulsePipeline.Models.Roster;
using PulsePipeline.Pipeline.Storage;
using PulsePipeline.Pipeline.Storage.Entities;

namespace PulsePipeline.Pipeline.Roster;

/// <summary>
/// The roster in table storage. An import writes a complete new version beside the live one and then switches
/// the pointer row, so a reader sees either the old roster or the new one, never a mix, and a failed import
/// leaves the old one in place. Versions that are not live are removed afterwards.
/// </summary>
public sealed class RosterStore(PulseStorage storage, TimeProvider clock)
{
    private TableClient Table => storage.Roster;

    public async Task<RosterPointerEntity> ReplaceAsync(Models.Roster.Roster roster, CancellationToken cancellationToken)
    {
        var version = clock.GetUtcNow().ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
        var rows = roster.Units.Select(u => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new RosterUnitEntity
        {
            PartitionKey = UnitPartition(version),
            RowKey = TableKeys.Encode(u.Id),
            Parent = u.Parent ?? "",
            Name = u.Name,
        })).Concat(roster.Employees.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new RosterEmployeeEntity
        {
            PartitionKey = EmployeePartition(version, e.Unit),
            RowKey = TableKeys.Encode(e.Id),
            Email = e.Email,
            Language = e.Language.Code(),
        })));
        await TableBatches.SubmitAsync(Table, rows, cancellationToken);

        var pointer = new RosterPointerEntity
        {
            PartitionKey = RosterPointerEntity.Key,
            RowKey = RosterPointerEntity.Key,
            Version = version,
            Units = roster.Units.Count,
            Employees = roster.Employees.Count,
        };
        await Table.UpsertEntityAsync(pointer, TableUpdateMode.Replace, cancellationToken);
        await DeleteVersionsOtherThanAsync(version, cancellationToken);
        return pointer;
    }

    public async Task<RosterPointerEntity?> CurrentAsync(CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<RosterPointerEntity>(RosterPointerEntity.Key, RosterPointerEntity.Key, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<IReadOnlyList<RosterUnit>> UnitsAsync(string version, CancellationToken cancellationToken)
    {
        var units = new List<RosterUnit>();
        var partition = UnitPartition(version);
        await foreach (var u in Table.QueryAsync<RosterUnitEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            units.Add(new RosterUnit(u.Unit, u.Parent.Length == 0 ? null : u.Parent, u.Name));
        }

        return units;
    }

    /// <summary>Streams every employee of a version, unit by unit (partition order), without loading them all.</summary>
    public async IAsyncEnumerable<RosterEmployee> EmployeesAsync(string version, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (from, to) = PrefixRange(EmployeePrefix(version));
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        await foreach (var e in Table.QueryAsync<RosterEmployeeEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var language = Languages.TryParse(e.Language, out var parsed)
                ? parsed.Value
                : throw new InvalidDataException($"Roster version {version} holds an unknown language code for an employee of unit {UnitOf(e.PartitionKey)}.");
            yield return new RosterEmployee(e.Employee, e.Email, language, UnitOf(e.PartitionKey));
        }
    }

    /// <summary>
    /// Employees of a version in chunks of about <paramref name="size"/> that only end between units, so a unit is
    /// never split across chunks (its batches are always cut the same way) and memory stays bounded.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<RosterEmployee>> ChunksAsync(string version, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<RosterEmployee>(size);
        await foreach (var employee in EmployeesAsync(version, cancellationToken))
        {
            if (chunk.Count >= size && chunk[^1].Unit != employee.Unit)
            {
                yield return chunk;
                chunk = new List<RosterEmployee>(size);
            }

            chunk.Add(employee);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task DeleteVersionsOtherThanAsync(string version, CancellationToken cancellationToken)
    {
        var stale = new List<TableTransactionAction>();
        await foreach (var row in Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (row.PartitionKey != RosterPointerEntity.Key && VersionOf(row.PartitionKey) != version)
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
        }

        await TableBatches.SubmitAsync(Table, stale, cancellationToken);
    }

    private static string UnitPartition(string version) => $"u|{version}";

    private static string EmployeePrefix(string version) => $"e|{version}|";

    private static string EmployeePartition(string version, string unit) => EmployeePrefix(version) + TableKeys.Encode(unit);

    // Versions hold no '|'; encoded unit ids may (only / \ # ? % and controls are encoded), so split at most twice.
    private static string VersionOf(string partitionKey) => partitionKey.Split('|')[1];

    private static string UnitOf(string partitionKey) => TableKeys.Decode(partitionKey.Split('|', 3)[2]);

    /// <summary>The key range [prefix, prefix with its last character incremented) selects exactly the keys that start with prefix.</summary>
    private static (string From, string To) PrefixRange(string prefix) => (prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
