using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Verification;

/// <summary>
/// Scan events (table <c>ScanEvents</c>, partitioned by site and UTC day) and the anonymous daily counts
/// they leave behind after retention (table <c>ScanCounts</c>); nothing else writes either table.
/// </summary>
public sealed class ScanStore(Tables tables)
{
    /// <summary>Stores events in entity group transactions per partition; re-writing an event is harmless (upsert).</summary>
    public Task WriteAsync(IReadOnlyList<ScanEventEntity> scans, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.ScanEvents, scans, TableTransactionActionType.UpsertReplace, ct);

    /// <summary>
    /// The events naming these passes. One pass over the scan table, matched in memory: a table filter
    /// takes at most 15 comparisons, and scanning once beats scanning once per 15 passes.
    /// </summary>
    public async Task<IReadOnlyList<ScanEventEntity>> ForPassesAsync(IReadOnlySet<string> passIds, CancellationToken ct)
    {
        var scans = new List<ScanEventEntity>();
        if (passIds.Count == 0)
        {
            return scans;
        }

        await foreach (var scan in tables.ScanEvents.QueryAsync<ScanEventEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            if (scan.PassId is { } id && passIds.Contains(id))
            {
                scans.Add(scan);
            }
        }

        return scans;
    }

    /// <summary>
    /// Replaces a site's events of days before <paramref name="cutoff"/> by one anonymous row of counts per
    /// day (by reason, or result when valid). Returns how many events were deleted.
    /// </summary>
    public async Task<int> ReduceToCountsAsync(string site, DateTimeOffset cutoff, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {site + "_"} and PartitionKey lt {RowKeys.ScanPartition(site, cutoff)}");
        var rows = await tables.ScanEvents.ListAsync<ScanEventEntity>(filter, ct);

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
}
