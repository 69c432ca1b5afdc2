using System.Text.RegularExpressions;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// The pass indexes, and their only writer: <c>PassExpiry</c> (minute buckets of <c>ValidUntil</c>, read
/// by the expiry timer), <c>PurgeDue</c> (day buckets of "ended + retention", read by the purge timer)
/// and <c>PassesByUnit</c> (a unit's passes, newest first). Timers delete index rows only once their
/// work is done (D2), so a crash repeats idempotent work instead of losing it.
/// </summary>
public sealed partial class PassIndexes(Tables tables, IOptions<AccessPmcOptions> options)
{
    /// <summary>All three index rows of new passes (written before the pass rows, D3).</summary>
    public Task AddAsync(IReadOnlyList<PassEntity> passes, CancellationToken ct)
    {
        var retention = options.Value.PersonalDataRetention;
        return Task.WhenAll(
            TableBatches.SubmitAsync(tables.ExpiryIndex, passes.Select(p => Due(RowKeys.ExpiryBucket(p.ValidUntil), p.Id, p.ValidUntil)), TableTransactionActionType.UpsertReplace, ct),
            TableBatches.SubmitAsync(tables.PurgeIndex, passes.Select(p => PurgeDue(p.Id, p.ValidUntil + retention)), TableTransactionActionType.UpsertReplace, ct),
            TableBatches.SubmitAsync(tables.UnitIndex, passes.Select(UnitRow), TableTransactionActionType.UpsertReplace, ct));
    }

    /// <summary>A pass that ended early (revoked): its holder data falls due a retention after <paramref name="endedAt"/>.</summary>
    public Task SchedulePurgeAsync(string id, DateTimeOffset endedAt, CancellationToken ct) =>
        tables.PurgeIndex.UpsertEntityAsync(PurgeDue(id, endedAt + options.Value.PersonalDataRetention), TableUpdateMode.Replace, ct);

    /// <summary>Expiry rows due at <paramref name="now"/>, at most <paramref name="limit"/>: reads only due minute buckets.</summary>
    public Task<List<DueEntity>> DueForExpiryAsync(DateTimeOffset now, int limit, CancellationToken ct) =>
        DueAsync(tables.ExpiryIndex, TableClient.CreateQueryFilter($"PartitionKey le {RowKeys.ExpiryBucket(now)} and DueAt le {now}"), limit, ct);

    /// <summary>Purge rows due at <paramref name="now"/>: reads only due day buckets.</summary>
    public Task<List<DueEntity>> DueForPurgeAsync(DateTimeOffset now, CancellationToken ct) =>
        DueAsync(tables.PurgeIndex, TableClient.CreateQueryFilter($"PartitionKey le {RowKeys.Day(now)} and DueAt le {now}"), int.MaxValue, ct);

    public Task ForgetExpiryAsync(IEnumerable<DueEntity> handled, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.ExpiryIndex, handled, TableTransactionActionType.Delete, ct);

    public Task ForgetPurgeAsync(IEnumerable<DueEntity> handled, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.PurgeIndex, handled, TableTransactionActionType.Delete, ct);

    /// <summary>
    /// One page of a unit's index rows, newest first, after the row key <paramref name="after"/> (null: from
    /// the start), and the cursor of the next page: the last row key, or null when the page was not full.
    /// </summary>
    public async Task<(IReadOnlyList<UnitIndexEntity> Rows, string? Next)> PageByUnitAsync(string unit, int size, string? after, CancellationToken ct)
    {
        var filter = after is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {unit}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {unit} and RowKey gt {after}");
        var rows = new List<UnitIndexEntity>(size);
        await foreach (var row in tables.UnitIndex.QueryAsync<UnitIndexEntity>(filter, maxPerPage: size, cancellationToken: ct))
        {
            rows.Add(row);
            if (rows.Count == size)
            {
                return (rows, row.RowKey);
            }
        }

        return (rows, null);
    }

    /// <summary>Whether <paramref name="cursor"/> has the shape of a unit index row key (19 digits, '_', a pass id).</summary>
    public static bool IsUnitCursor(string cursor) => UnitCursor().IsMatch(cursor);

    /// <summary>The issue time a unit index row was written for (its row key starts with it, newest first).</summary>
    public static DateTimeOffset IssuedAtOf(UnitIndexEntity row) => RowKeys.FromNewestFirst(row.RowKey[..19]);

    public static UnitIndexEntity UnitRow(PassEntity p) =>
        new() { PartitionKey = p.Unit, RowKey = $"{RowKeys.NewestFirst(p.IssuedAt)}_{p.Id}", PassId = p.Id };

    public static DueEntity Due(string partition, string id, DateTimeOffset at) =>
        new() { PartitionKey = partition, RowKey = id, DueAt = at };

    private static DueEntity PurgeDue(string id, DateTimeOffset at) => Due(RowKeys.Day(at), id, at);

    private static async Task<List<DueEntity>> DueAsync(TableClient table, string filter, int limit, CancellationToken ct)
    {
        var due = new List<DueEntity>();
        await foreach (var page in table.QueryAsync<DueEntity>(filter, maxPerPage: 1000, cancellationToken: ct).AsPages())
        {
            due.AddRange(page.Values);
            if (due.Count >= limit)
            {
                break;
            }
        }

        return due.Count > limit ? due[..limit] : due;
    }

    [GeneratedRegex(@"^[0-9]{19}_[0-9a-f]{32}\z")]
    private static partial Regex UnitCursor();
}
