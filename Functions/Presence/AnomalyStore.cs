using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>The <c>Anomalies</c> table (partitioned by UTC day of the scan), its only writer.</summary>
public sealed class AnomalyStore(Tables tables)
{
    /// <summary>Upserts: an anomaly written again (a re-uploaded offline scan) replaces itself.</summary>
    public Task WriteAsync(IReadOnlyList<AnomalyEntity> anomalies, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.Anomalies, anomalies, TableTransactionActionType.UpsertReplace, ct);

    /// <summary>
    /// One page of anomalies at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first,
    /// involving <paramref name="site"/> (either site) when given, and the opaque token of the next page. The
    /// service filters, so a page may hold fewer than <paramref name="size"/>; empty pages are skipped.
    /// </summary>
    public async Task<(IReadOnlyList<AnomalyEntity> Items, string? Next)> PageAsync(
        string? site, DateTimeOffset from, DateTimeOffset to, int size, string? next, CancellationToken ct)
    {
        var range = TableClient.CreateQueryFilter($"PartitionKey ge {RowKeys.Day(from)} and PartitionKey le {RowKeys.Day(to)} and At ge {from} and At lt {to}");
        var filter = site is null ? range : $"{range} and ({TableClient.CreateQueryFilter($"Site eq {site} or OtherSite eq {site}")})";
        var pages = tables.Anomalies.QueryAsync<AnomalyEntity>(filter, maxPerPage: size, cancellationToken: ct).AsPages(next, size);
        await foreach (var page in pages)
        {
            if (page.Values.Count > 0 || page.ContinuationToken is null)
            {
                return (page.Values, page.ContinuationToken);
            }
        }

        return ([], null);
    }

    /// <summary>The anomalies naming these passes: one pass over the table, matched in memory (rare, admin only).</summary>
    public async Task<IReadOnlyList<AnomalyEntity>> ForPassesAsync(IReadOnlySet<string> passIds, CancellationToken ct)
    {
        var found = new List<AnomalyEntity>();
        if (passIds.Count == 0)
        {
            return found;
        }

        await foreach (var anomaly in tables.Anomalies.QueryAsync<AnomalyEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            if (anomaly.PassId is { } id && passIds.Contains(id))
            {
                found.Add(anomaly);
            }
        }

        return found;
    }

    public Task DeleteAsync(IEnumerable<AnomalyEntity> anomalies, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.Anomalies, anomalies, TableTransactionActionType.Delete, ct);

    /// <summary>Deletes anomalies of UTC days before <paramref name="cutoff"/>'s (retention); returns how many.</summary>
    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var old = new List<AnomalyEntity>();
        await foreach (var anomaly in tables.Anomalies.QueryAsync<AnomalyEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {RowKeys.Day(cutoff)}"), maxPerPage: 1000, cancellationToken: ct))
        {
            old.Add(anomaly);
        }

        await DeleteAsync(old, ct);
        return old.Count;
    }
}
