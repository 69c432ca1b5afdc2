using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// Where a pass stands at a site: <c>PartitionKey</c> = site, <c>RowKey</c> = pass id, in the partition of the
/// site's <see cref="OccupancyEntity"/> so that both change in one transaction. It counts as inside only while
/// <see cref="State"/> is inside and <see cref="Epoch"/> is the counter's (a daily reset moves the epoch on).
/// </summary>
public sealed class PresenceEntity : ITableEntity
{
    public const string Inside = "inside";
    public const string Outside = "outside";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string State { get; set; } = Outside;
    public long Epoch { get; set; }
    public DateTimeOffset? EnteredAt { get; set; }
    public string? EnteredThrough { get; set; }
    public DateTimeOffset? ExitedAt { get; set; }
    public string? ExitedThrough { get; set; }

    /// <summary>The scan (online attempt or offline scan id) that last changed the row: a retry recognises its own committed write.</summary>
    public string LastScan { get; set; } = "";

    /// <summary>The time of that scan; an offline scan older than this is history and changes nothing.</summary>
    public DateTimeOffset LastChangeAt { get; set; }

    [IgnoreDataMember]
    public string Site => PartitionKey;

    [IgnoreDataMember]
    public string PassId => RowKey;

    /// <summary>Not yet stored (inserted, not replaced, when written).</summary>
    [IgnoreDataMember]
    public bool IsNew => ETag == default;

    public bool IsInside(OccupancyEntity counter) => State == Inside && Epoch == counter.Epoch;

    /// <summary>Whether the pass was inside at <paramref name="at"/>: entered before, and not out since (exit or reset).</summary>
    public bool WasInsideAt(DateTimeOffset at, OccupancyEntity counter) =>
        EnteredAt is { } entered && entered <= at
        && (ExitedAt is { } exited && exited >= entered ? at < exited : IsInside(counter));
}
