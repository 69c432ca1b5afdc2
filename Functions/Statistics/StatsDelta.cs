using Azure.Data.Tables;

namespace AccessPmc.Functions.Statistics;

/// <summary>A site's occupancy as one presence change left it: the count after the change, when, and the site's capacity then.</summary>
public readonly record struct OccupancySample(DateTimeOffset At, int Count, int? Capacity);

/// <summary>
/// What a flush adds to one counter row: increments by property name, and for occupancy rows the highest and
/// the latest sample seen. Increments add up; samples merge by maximum and by latest time, so a sample applied
/// twice changes nothing.
/// </summary>
public sealed class StatsDelta
{
    public const string Peak = "Peak";
    public const string Last = "Last";
    public const string LastAt = "LastAt";
    public const string Capacity = "Capacity";

    /// <summary>The ids of the last flushes that changed the row, newest first (see <see cref="StatsStore"/>).</summary>
    public const string Writes = "Writes";

    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public int? HighestCount { get; private set; }

    public OccupancySample? Latest { get; private set; }

    public void Add(string property, int by = 1) => Counts[property] = Counts.GetValueOrDefault(property) + by;

    public void Observe(OccupancySample sample)
    {
        HighestCount = Math.Max(HighestCount ?? int.MinValue, sample.Count);
        if (Latest is not { } latest || sample.At >= latest.At)
        {
            Latest = sample;
        }
    }

    /// <summary>
    /// The row with this delta applied: a copy of <paramref name="row"/> (or a new row), its counts added, its
    /// occupancy merged, and <paramref name="writeId"/> first among its last <paramref name="keep"/> writes.
    /// </summary>
    public TableEntity ApplyTo(TableEntity? row, string partition, string rowKey, string writeId, int keep)
    {
        var next = new TableEntity(partition, rowKey);
        foreach (var (name, value) in row ?? [])
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp") && !name.StartsWith("odata.", StringComparison.Ordinal))
            {
                next[name] = value;
            }
        }

        foreach (var (name, by) in Counts)
        {
            next[name] = (next.GetInt32(name) ?? 0) + by;
        }

        if (HighestCount is { } highest)
        {
            next[Peak] = Math.Max(next.GetInt32(Peak) ?? int.MinValue, highest);
        }

        if (Latest is { } latest && (next.GetDateTimeOffset(LastAt) is not { } at || latest.At >= at))
        {
            next[Last] = latest.Count;
            next[LastAt] = latest.At;
            next[Capacity] = latest.Capacity;
        }

        var writes = (next.GetString(Writes) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        next[Writes] = string.Join(',', writes.Prepend(writeId).Take(keep));
        return next;
    }

    /// <summary>Whether the flush <paramref name="writeId"/> already changed <paramref name="row"/>.</summary>
    public static bool Carries(TableEntity row, string writeId) =>
        (row.GetString(Writes) ?? "").Split(',').Contains(writeId, StringComparer.Ordinal);
}
