using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Privacy;

public sealed record PurgeRun(int PassesErased, int ScanEventsDeleted, int IdempotencyKeysDeleted);

/// <summary>
/// Retention, enforced: holder data of passes ended longer ago than the retention period is erased,
/// scan events older than theirs are reduced to anonymous daily counts, stale idempotency keys go.
/// Every step is idempotent; the index rows are deleted only once their work is done.
/// </summary>
public sealed class PersonalDataPurger(Tables tables, PassStore store, TimeProvider time, IOptions<AccessPmcOptions> options, ILogger<PersonalDataPurger> logger)
{
    public async Task<PurgeRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var erased = await ErasePassesAsync(now, ct);
        var scans = 0;
        foreach (var site in options.Value.Sites)
        {
            scans += await PurgeScansAsync(site.Code, now - options.Value.ScanEventRetention, ct);
        }

        var keys = await DeleteAsync(tables.Idempotency, TableClient.CreateQueryFilter($"CreatedAt lt {now - options.Value.IdempotencyRetention}"), ct);
        logger.LogInformation("PurgePersonalData: {Passes} passes erased, {Scans} scan events and {Keys} idempotency keys deleted", erased, scans, keys);
        return new PurgeRun(erased, scans, keys);
    }

    private async Task<int> ErasePassesAsync(DateTimeOffset now, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Keys.Day(now)} and DueAt le {now}");
        var due = new List<DueEntity>();
        await foreach (var row in tables.PurgeIndex.QueryAsync<DueEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            due.Add(row);
        }

        var erased = 0;
        var handled = new List<DueEntity>();
        foreach (var row in due)
        {
            var outcome = await EraseAsync(row.RowKey, now, ct);
            if (outcome is not null)
            {
                handled.Add(row);
                erased += outcome.Value ? 1 : 0;
            }
        }

        await TableBatches.SubmitAsync(tables.PurgeIndex, handled, TableTransactionActionType.Delete, ct);
        return erased;
    }

    /// <summary>True: erased now; false: nothing left to erase; null: not yet due (keep the index row).</summary>
    private async Task<bool?> EraseAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        var pass = await store.FindAsync(id, ct);
        if (pass is null || pass.PersonalDataErasedAt is not null)
        {
            return false;
        }

        // A pass only ends earlier if it is revoked meanwhile, so a row that changed under the erase stays due.
        var endedAt = pass.Status == PassStatuses.Revoked && pass.RevokedAt < pass.ValidUntil ? pass.RevokedAt.Value : pass.ValidUntil;
        if (endedAt + options.Value.PersonalDataRetention > now)
        {
            return null;
        }

        await store.EraseHolderDataAsync(pass, now, ct);
        return true;
    }

    private async Task<int> PurgeScansAsync(string site, DateTimeOffset cutoff, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {site + "_"} and PartitionKey lt {Keys.ScanPartition(site, cutoff)}");
        var rows = new List<ScanEventEntity>();
        await foreach (var row in tables.ScanEvents.QueryAsync<ScanEventEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            rows.Add(row);
        }

        foreach (var day in rows.GroupBy(r => r.PartitionKey))
        {
            // Count a day once, before deleting any of it: a run interrupted mid-delete keeps the full count.
            var counts = new TableEntity(site, day.Key[(site.Length + 1)..]);
            foreach (var group in day.GroupBy(r => r.Reason ?? r.Result))
            {
                counts[group.Key] = group.Count();
            }

            try
            {
                await tables.ScanCounts.AddEntityAsync(counts, ct);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Counted by an earlier, interrupted run.
            }
        }

        await TableBatches.SubmitAsync(tables.ScanEvents, rows, TableTransactionActionType.Delete, ct);
        return rows.Count;
    }

    private static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            rows.Add(row);
        }

        await TableBatches.SubmitAsync(table, rows, TableTransactionActionType.Delete, ct);
        return rows.Count;
    }
}
