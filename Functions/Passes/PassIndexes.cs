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
public sealed class PassIndexes(Tables tables, IOptions<AccessPmcOptions> options)
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
    /// One page of a unit's pass ids, newest first, and the opaque token of the next page (null at the end).
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, string? Next)> PageByUnitAsync(string unit, int size, string? next, CancellationToken ct)
    {
        var rows = tables.UnitIndex.QueryAsync<UnitIndexEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unit}"), maxPerPage: size, cancellationToken: ct);
        await foreach (var page in rows.AsPages(next, size))
        {
            return (page.Values.Select(r => r.PassId).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

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
}
