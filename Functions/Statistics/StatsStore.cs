using System.Collections.Concurrent;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Statistics;

/// <summary>Deltas for up to 100 rows of one partition, written together under one id (<see cref="StatsStore.ApplyAsync"/>).</summary>
public sealed record StatsChunk(string Partition, string WriteId, IReadOnlyDictionary<string, StatsDelta> Rows);

/// <summary>
/// The <c>Statistics</c> table, its only writer: anonymous counters (no pass id, no name), one row per series and
/// bucket (<see cref="StatsKeys"/>). Never purged. A chunk of deltas is one entity group transaction over its rows,
/// each guarded by the ETag it was read with (an insert where absent); when another writer changed one of them
/// meanwhile, nothing was written, the rows are read again and the deltas applied again, so concurrent instances
/// never lose an increment. Each written row remembers the ids of its last <see cref="RecentWrites"/> writes: a
/// transaction that committed but whose answer was lost (or that failed with storage and is retried later) is
/// recognised on the re-read and not applied twice.
/// </summary>
public sealed class StatsStore(Tables tables)
{
    public const int RecentWrites = 16;

    private readonly ConcurrentDictionary<string, bool> registeredUnits = new(StringComparer.Ordinal);

    private TableClient Table => tables.Statistics;

    /// <summary>Applies the chunk once, however often it is retried. A pass series registers its unit first (<see cref="UnitsAsync"/>).</summary>
    public async Task ApplyAsync(StatsChunk chunk, CancellationToken ct)
    {
        if (chunk.Partition.StartsWith(StatsKeys.Passes(""), StringComparison.Ordinal))
        {
            await RegisterUnitAsync(StatsKeys.Subject(chunk.Partition), ct);
        }

        await OptimisticUpdate.ApplyGroupAsync(Table, await ReadAsync(chunk, ct), rows => Actions(chunk, rows), token => ReadAsync(chunk, token), ct);
    }

    /// <summary>The rows of <paramref name="partition"/> with keys in [<paramref name="from"/>, <paramref name="to"/>): one range query.</summary>
    public async Task<IReadOnlyList<TableEntity>> RangeAsync(string partition, string from, string to, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every unit that ever had a pass counted, in key order.</summary>
    public async Task<IReadOnlyList<string>> UnitsAsync(CancellationToken ct)
    {
        var units = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StatsKeys.Units}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
        {
            units.Add(row.RowKey);
        }

        return units;
    }

    /// <summary>Written before the unit's first counters, so a crash between the two leaves a unit without counts, never counts without a unit.</summary>
    private async Task RegisterUnitAsync(string unit, CancellationToken ct)
    {
        if (registeredUnits.ContainsKey(unit))
        {
            return;
        }

        await Table.UpsertEntityAsync(new TableEntity(StatsKeys.Units, unit), TableUpdateMode.Merge, ct);
        registeredUnits[unit] = true;
    }

    private static List<TableTransactionAction>? Actions(StatsChunk chunk, IReadOnlyDictionary<string, TableEntity?> rows)
    {
        // The transaction is atomic: one row carrying the id means all of them do.
        if (rows.Values.Any(r => r is not null && StatsDelta.Carries(r, chunk.WriteId)))
        {
            return null;
        }

        return chunk.Rows.Select(delta =>
        {
            var row = rows[delta.Key];
            var next = delta.Value.ApplyTo(row, chunk.Partition, delta.Key, chunk.WriteId, RecentWrites);
            return row is null
                ? new TableTransactionAction(TableTransactionActionType.Add, next)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, row.ETag);
        }).ToList();
    }

    private async Task<IReadOnlyDictionary<string, TableEntity?>> ReadAsync(StatsChunk chunk, CancellationToken ct)
    {
        var rows = new ConcurrentDictionary<string, TableEntity?>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(chunk.Rows.Keys, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (key, token) =>
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(chunk.Partition, key, cancellationToken: token);
            rows[key] = found.HasValue ? found.Value : null;
        });
        return rows;
    }
}
