using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>A revoked pass for offline scanners: one partition, <c>RowKey</c> = write time + id (D9).</summary>
public sealed class RevocationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string PassId { get; set; } = "";
    public DateTimeOffset RevokedAt { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
}
