using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// An <c>Idempotency-Key</c> of a client: <c>PartitionKey</c> = client id, <c>RowKey</c> = SHA-256 of the key
/// (hex), the pass id it reserved, the hash of the request it came with, and whether that request finished.
/// </summary>
public sealed class IdempotencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string RequestHash { get; set; } = "";
    public string PassId { get; set; } = "";
    public string Attempt { get; set; } = "";
    public bool Done { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the pass id was first reserved: the pass's issue time, kept when a retry takes the key over.</summary>
    public DateTimeOffset ReservedAt { get; set; }
}
