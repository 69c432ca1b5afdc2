using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// A row of a time-bucketed index (expiry: minute buckets, purge: day buckets; D2): <c>RowKey</c> is the
/// pass id, <see cref="DueAt"/> when the work falls due. Deleted once handled.
/// </summary>
public sealed class DueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public DateTimeOffset DueAt { get; set; }
}
