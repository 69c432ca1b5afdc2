using AccessPmc.Contracts;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// An anomaly: <c>PartitionKey</c> = the UTC day of the scan that revealed it (<c>yyyyMMdd</c>), <c>RowKey</c> =
/// its time (ascending ticks), kind and a discriminator (the offline scan id, so a re-upload rewrites the same row).
/// Pass id and scanner ids only: no personal data.
/// </summary>
public sealed class AnomalyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Site { get; set; } = "";
    public string? OtherSite { get; set; }
    public string Scanner { get; set; } = "";
    public string? OtherScanner { get; set; }
    public string? PassId { get; set; }
    public DateTimeOffset? OtherAt { get; set; }
    public int? Count { get; set; }
    public bool AfterTheFact { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public Anomaly ToContract() => new(
        Kind,
        At,
        OtherSite is null ? [Site] : [Site, OtherSite],
        OtherScanner is null ? [Scanner] : [Scanner, OtherScanner],
        PassId,
        AfterTheFact,
        RecordedAt,
        OtherAt,
        Count);
}
