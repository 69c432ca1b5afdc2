using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>The <c>Anomalies</c> table (partitioned by UTC day of the scan), its only writer.</summary>
public sealed partial class AnomalyStore(Tables tables)
{
    /// <summary>Upserts: an anomaly written again (a re-uploaded offline scan) replaces itself.</summary>
    public Task WriteAsync(IReadOnlyList<AnomalyEntity> anomalies, CancellationToken ct) =>
        TableBatches.SubmitAsync(tables.Anomalies, anomalies, TableTransactionActionType.UpsertReplace, ct);

    /// <summary>
    /// One page of anomalies revealed by scans in [<paramref name="from"/>, <paramref name="to"/>), oldest first,
    /// involving <paramref name="site"/> (either site) when given, after the cursor <paramref name="after"/> (a row
    /// key: rows are keyed by time first, so it orders across days too), and the cursor of the next page: the last
    /// row key, or null when the page was not full.
    /// </summary>
    public async Task<(IReadOnlyList<AnomalyEntity> Items, string? Next)> PageAsync(
        string? site, DateTimeOffset from, DateTimeOffset to, int size, string? after, CancellationToken ct)
    {
        var range = TableClient.CreateQueryFilter($"PartitionKey ge {RowKeys.Day(from)} and PartitionKey le {RowKeys.Day(to)} and At ge {from} and At lt {to}");
        var filter = site is null ? range : $"{range} and ({TableClient.CreateQueryFilter($"Site eq {site} or OtherSite eq {site}")})";
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        var items = await tables.Anomalies.ListAsync<AnomalyEntity>(filter, ct, size);
        return (items, items.Count == size ? items[^1].RowKey : null);
    }

    /// <summary>Whether <paramref name="cursor"/> has the shape of an anomaly row key (19 digits, '_', kind, '_', …).</summary>
    public static bool IsCursor(string cursor) => Cursor().IsMatch(cursor);

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
        var old = await tables.Anomalies.ListAsync<AnomalyEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {RowKeys.Day(cutoff)}"), ct);
        await DeleteAsync(old, ct);
        return old.Count;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{19}_[a-z_]{1,32}_[0-9A-Za-z_-]{1,100}\z")]
    private static partial System.Text.RegularExpressions.Regex Cursor();
}
