using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>A presence row and its site's counter as read together; absent rows are new entities, not yet stored.</summary>
public sealed record PresenceSnapshot(PresenceEntity Row, OccupancyEntity Counter);

/// <summary>Which rows of a snapshot a decision changed: the presence row (replaced, or deleted) and the counter.</summary>
public readonly record struct PresenceWrite(bool Row, bool Counter, bool DeleteRow = false)
{
    public static readonly PresenceWrite Both = new(true, true);
}

/// <summary>
/// The <c>Presence</c> table, its only writer: per site (partition), one row per pass and the occupancy
/// counter. Every change of presence that moves the count is one entity group transaction over the row and
/// the counter, each guarded by its ETag (or an insert where it was absent), so the count is exact under
/// concurrent scans and a crash can leave no half-done change (D39).
/// </summary>
public sealed class PresenceStore(Tables tables)
{
    private TableClient Table => tables.Presence;

    /// <summary>The row of <paramref name="passId"/> at <paramref name="site"/> and the site's counter: two point reads, in parallel.</summary>
    public async Task<PresenceSnapshot> ReadAsync(string site, string passId, Func<OccupancyEntity> newCounter, CancellationToken ct)
    {
        var row = Table.GetEntityIfExistsAsync<PresenceEntity>(site, passId, cancellationToken: ct);
        var counter = CounterAsync(site, ct);
        var found = await row;
        return new PresenceSnapshot(
            found.HasValue ? found.Value! : new PresenceEntity { PartitionKey = site, RowKey = passId },
            await counter ?? newCounter());
    }

    public async Task<OccupancyEntity?> CounterAsync(string site, CancellationToken ct)
    {
        var found = await Table.GetEntityIfExistsAsync<OccupancyEntity>(site, OccupancyEntity.Key, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to the snapshot (it changes the entities in place and says which to
    /// write, or null for nothing) and writes them in one transaction; when another scan changed either row
    /// meanwhile, reads both again and decides again. Returns the snapshot decided on last and whether it was written.
    /// </summary>
    public Task<(PresenceSnapshot State, bool Written)> ChangeAsync(
        PresenceSnapshot first, Func<PresenceSnapshot, PresenceWrite?> decide, Func<OccupancyEntity> newCounter, CancellationToken ct) =>
        OptimisticUpdate.ApplyGroupAsync(
            Table,
            first,
            snapshot => decide(snapshot) is { } write ? Actions(snapshot, write) : null,
            token => ReadAsync(first.Row.Site, first.Row.PassId, newCounter, token),
            ct);

    /// <summary>Sets the counter with <paramref name="change"/> under its ETag (creating it when absent); returns it as stored.</summary>
    public async Task<OccupancyEntity> ChangeCounterAsync(string site, Func<OccupancyEntity> newCounter, Func<OccupancyEntity, bool> change, CancellationToken ct)
    {
        var counter = await CounterAsync(site, ct);
        if (counter is null)
        {
            var created = newCounter();
            change(created);
            try
            {
                await Table.AddEntityAsync(created, ct);
                return created;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                counter = await CounterAsync(site, ct);
            }
        }

        var outcome = await OptimisticUpdate.ApplyAsync(Table, counter, change, token => CounterAsync(site, token), ct);
        return outcome?.Row ?? throw new InvalidOperationException($"The occupancy counter of {site} disappeared.");
    }

    /// <summary>The rows inside at <paramref name="site"/> in <paramref name="epoch"/> (the counter's): one partition query.</summary>
    public async Task<IReadOnlyList<PresenceEntity>> InsideAsync(string site, long epoch, CancellationToken ct) =>
        await Table.ListAsync<PresenceEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {site} and State eq {PresenceEntity.Inside} and Epoch eq {epoch}"), ct);

    /// <summary>Rows of <paramref name="site"/> last changed before <paramref name="cutoff"/> (retention).</summary>
    public async Task<IReadOnlyList<PresenceEntity>> ChangedBeforeAsync(string site, DateTimeOffset cutoff, CancellationToken ct) =>
        await Table.ListAsync<PresenceEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {site} and LastChangeAt lt {cutoff}"), ct);

    /// <summary>
    /// Deletes rows that no longer count (the caller checked), each only if unchanged since it was read: a pass
    /// that entered meanwhile keeps its row (and the counter stays exact). Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteUnchangedAsync(IEnumerable<PresenceEntity> rows, CancellationToken ct)
    {
        var deleted = 0;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (row, token) =>
        {
            try
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, token);
                Interlocked.Increment(ref deleted);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Gone already, or changed since it was read: no longer ours to delete.
            }
        });
        return deleted;
    }

    private static List<TableTransactionAction> Actions(PresenceSnapshot s, PresenceWrite write)
    {
        var actions = new List<TableTransactionAction>(2);
        if (write.Counter)
        {
            actions.Add(Put(s.Counter, s.Counter.IsNew, s.Counter.ETag));
        }

        if (write.DeleteRow && !s.Row.IsNew)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, s.Row, s.Row.ETag));
        }
        else if (write.Row && !write.DeleteRow)
        {
            actions.Add(Put(s.Row, s.Row.IsNew, s.Row.ETag));
        }

        return actions;
    }

    private static TableTransactionAction Put(ITableEntity entity, bool isNew, ETag etag) => isNew
        ? new TableTransactionAction(TableTransactionActionType.Add, entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag);
}
