using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>A unit's pass, newest first: <c>PartitionKey</c> = unit, <c>RowKey</c> = newest-first issue time + id.</summary>
public sealed class UnitIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string PassId { get; set; } = "";
}
