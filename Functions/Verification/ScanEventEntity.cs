using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Verification;

/// <summary>One verification at a gate: <c>PartitionKey</c> = site + UTC day, <c>RowKey</c> = newest-first time + random suffix.</summary>
public sealed class ScanEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string Site { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? PassId { get; set; }
    public string Result { get; set; } = "";
    public string? Reason { get; set; }
    public string ScannerId { get; set; } = "";

    /// <summary>Verified by the scanner offline and uploaded later (<c>POST /api/scans</c>); <see cref="At"/> is the scan's own time.</summary>
    public bool Offline { get; set; }

    /// <summary>entry, exit or check, as the scanner sent it (null: check).</summary>
    public string? Direction { get; set; }
}
