using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>The pass record: <c>PartitionKey</c> = the first hex digit of the id, <c>RowKey</c> = the id (D1): verify is one point read.</summary>
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

    /// <summary>What holder requests search by: <see cref="HolderNames.MatchKey"/> of the names; erased with them.</summary>
    public string? HolderKey { get; set; }
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
