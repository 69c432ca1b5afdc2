using System.Text.RegularExpressions;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// The revocation list for offline scanners (table <c>Revocations</c>, D9): one partition, rows keyed
/// by when they were written, so a cursor is simply the last row key a scanner has seen.
/// </summary>
public sealed partial class RevocationStore(Tables tables)
{
    public const string Partition = "revoked";

    /// <summary>A cursor this service hands out: empty (from the start), a bound (19 digits) or a row key (19 digits, '_', a pass id).</summary>
    public static bool IsCursor(string cursor) => cursor.Length == 0 || Cursor().IsMatch(cursor);

    /// <summary>
    /// Lists a revoked pass. Keyed by when this row is written, not by the revocation time, so that a late
    /// (repaired) row still sorts after the cursors already handed out; scanners de-duplicate by pass id.
    /// </summary>
    public Task RecordAsync(PassEntity pass, DateTimeOffset writtenAt, CancellationToken ct) =>
        tables.Revocations.UpsertEntityAsync(
            new RevocationEntity
            {
                PartitionKey = Partition,
                RowKey = $"{RowKeys.Ascending(writtenAt)}_{pass.Id}",
                PassId = pass.Id,
                RevokedAt = pass.RevokedAt ?? writtenAt,
                ValidUntil = pass.ValidUntil,
            },
            TableUpdateMode.Replace,
            ct);

    /// <summary>Rows after <paramref name="cursor"/> (a row key) whose pass is still valid at <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<RevocationEntity>> SinceAsync(string cursor, DateTimeOffset now, int max, CancellationToken ct) =>
        await tables.Revocations.ListAsync<RevocationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {cursor} and ValidUntil ge {now}"), ct, max);

    [GeneratedRegex(@"^[0-9]{19}(_[0-9a-f]{32})?\z")]
    private static partial Regex Cursor();
}
