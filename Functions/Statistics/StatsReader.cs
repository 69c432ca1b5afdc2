using AccessPmc.Contracts;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Statistics;

/// <summary>The answer to a stats query and how many counter rows it read (for the cost figure in performance.md).</summary>
public sealed record StatsRead(StatsResponse Response, int RowsRead);

/// <summary>
/// Reads the counters of a <see cref="StatsQuery"/>: one row-key range query per series (a site's scans, a site's
/// occupancy, a unit's passes), all in parallel, plus one query of the unit list when every unit is asked for.
/// Rows read = buckets with events in the range, never the events themselves.
/// </summary>
public sealed class StatsReader(StatsStore store)
{
    public async Task<StatsRead> ReadAsync(StatsQuery query, CancellationToken ct)
    {
        var (low, high) = (StatsKeys.Bucket(query.Granularity, query.From), StatsKeys.Bucket(query.Granularity, query.To));
        Task<IReadOnlyList<TableEntity>> Range(string partition) => store.RangeAsync(partition, low, high, ct);

        var units = query.Units ?? await store.UnitsAsync(ct);
        var scans = Task.WhenAll(query.Sites.Select(s => Range(StatsKeys.Scans(s))));
        var occupancy = Task.WhenAll(query.Sites.Select(s => Range(StatsKeys.Occupancy(s))));
        var passes = Task.WhenAll(units.Select(u => Range(StatsKeys.Passes(u))));
        var (scanRows, occupancyRows, passRows) = ((await scans).SelectMany(r => r).ToList(), (await occupancy).SelectMany(r => r).ToList(), (await passes).SelectMany(r => r).ToList());

        var response = new StatsResponse(
            query.From,
            query.To,
            query.Granularity,
            scanRows.Select(ScanBucketOf).ToList(),
            passRows.Select(PassBucketOf).OrderBy(b => b.Unit, StringComparer.Ordinal).ThenBy(b => b.Start).ThenBy(b => b.Kind, StringComparer.Ordinal).ToList(),
            occupancyRows.Select(OccupancyBucketOf).ToList());
        return new StatsRead(response, scanRows.Count + occupancyRows.Count + passRows.Count + (query.Units is null ? units.Count : 0));
    }

    private static ScanBucket ScanBucketOf(TableEntity row) => new(
        StatsKeys.Subject(row.PartitionKey),
        StatsKeys.StartOf(row.RowKey),
        Count(row, StatsProperties.Valid),
        Count(row, StatsProperties.Invalid),
        Prefixed(row, StatsProperties.ReasonPrefix),
        Prefixed(row, StatsProperties.DirectionPrefix),
        Count(row, StatsProperties.Offline));

    private static PassBucket PassBucketOf(TableEntity row) => new(
        StatsKeys.Subject(row.PartitionKey),
        StatsKeys.KindOf(row.RowKey),
        StatsKeys.StartOf(row.RowKey),
        Count(row, StatsProperties.Issued),
        Count(row, StatsProperties.Revoked),
        Count(row, StatsProperties.Expired));

    private static OccupancyBucket OccupancyBucketOf(TableEntity row) => new(
        StatsKeys.Subject(row.PartitionKey),
        StatsKeys.StartOf(row.RowKey),
        Count(row, StatsDelta.Peak),
        Count(row, StatsDelta.Last),
        row.GetInt32(StatsDelta.Capacity));

    private static int Count(TableEntity row, string property) => row.GetInt32(property) ?? 0;

    private static Dictionary<string, int> Prefixed(TableEntity row, string prefix) => row
        .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Value is int)
        .ToDictionary(p => p.Key[prefix.Length..], p => (int)p.Value, StringComparer.Ordinal);
}
