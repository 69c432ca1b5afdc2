using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Storage;

/// <summary>The pass record: PartitionKey is the first hex digit of the id, RowKey the id, so verify is one point read.</summary>
public sealed class PassEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public string Sites { get; set; } = "";
    public string Unit { get; set; } = "";
    public string IssuerId { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string KeyId { get; set; } = "";

    /// <summary>Set by the issuance attempt that wrote the row: a retry recognises its own write.</summary>
    public string IssueAttempt { get; set; } = "";

    // Personal data: erased by the purge timer after retention.
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? DisplayLabel { get; set; }
    public string? Code { get; set; }
    public DateTimeOffset? PersonalDataErasedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }

    [IgnoreDataMember]
    public string Id => RowKey;

    [IgnoreDataMember]
    public IReadOnlyList<string> SiteList => Sites.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Time-bucketed pointer to a pass that will expire; deleted once handled.</summary>
public sealed class DueEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

public sealed class UnitIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string PassId { get; set; } = "";
}

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
