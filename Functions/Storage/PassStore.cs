using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Storage;

/// <summary>
/// Pass rows and their indexes. Write order: index rows first, pass row last. A crash in between
/// leaves only index rows pointing at nothing: the timers delete them, listings skip them.
/// </summary>
public sealed partial class PassStore(Tables tables, IOptions<AccessPmcOptions> options)
{
    /// <summary>16 partitions by the first hex digit: point reads by id, and bulk inserts that batch.</summary>
    public static string PartitionOf(string id) => id[..1];

    public static bool IsId(string? id) => id is not null && PassId().IsMatch(id);

    public async Task<PassEntity?> FindAsync(string id, CancellationToken ct)
    {
        if (!IsId(id))
        {
            return null;
        }

        var found = await tables.Passes.GetEntityIfExistsAsync<PassEntity>(PartitionOf(id), id, cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Only the status, for the gate: the verify hot path reads one property, not the whole row.</summary>
    public async Task<string?> FindStatusAsync(string id, CancellationToken ct)
    {
        if (!IsId(id))
        {
            return null;
        }

        var found = await tables.Passes.GetEntityIfExistsAsync<TableEntity>(PartitionOf(id), id, [nameof(PassEntity.Status)], ct);
        return found.HasValue ? found.Value!.GetString(nameof(PassEntity.Status)) : null;
    }

    /// <summary>Stores new passes; where a row already exists (a retried write, a resumed batch) the stored row wins.</summary>
    public async Task<IReadOnlyList<PassEntity>> InsertAsync(IReadOnlyList<PassEntity> passes, CancellationToken ct)
    {
        var retention = options.Value.PersonalDataRetention;
        await Task.WhenAll(
            TableBatches.SubmitAsync(tables.ExpiryIndex, passes.Select(p => Due(Keys.ExpiryBucket(p.ValidUntil), p.Id, p.ValidUntil)), TableTransactionActionType.UpsertReplace, ct),
            TableBatches.SubmitAsync(tables.PurgeIndex, passes.Select(p => PurgeDue(p.Id, p.ValidUntil + retention)), TableTransactionActionType.UpsertReplace, ct),
            TableBatches.SubmitAsync(tables.UnitIndex, passes.Select(UnitRow), TableTransactionActionType.UpsertReplace, ct));

        var stored = new PassEntity[passes.Count];
        var positions = passes.Select((p, i) => (p, i)).ToDictionary(x => x.p.Id, x => x.i);
        var chunks = passes.GroupBy(p => p.PartitionKey).SelectMany(g => g.Chunk(TableBatches.MaxPerTransaction)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (chunk, token) =>
        {
            foreach (var pass in await InsertChunkAsync(chunk, token))
            {
                stored[positions[pass.Id]] = pass;
            }
        });
        return stored;
    }

    public static UnitIndexEntity UnitRow(PassEntity p) =>
        new() { PartitionKey = p.Unit, RowKey = $"{Keys.NewestFirst(p.IssuedAt)}_{p.Id}", PassId = p.Id };

    public static DueEntity Due(string partition, string id, DateTimeOffset at) =>
        new() { PartitionKey = partition, RowKey = id, DueAt = at };

    public static DueEntity PurgeDue(string id, DateTimeOffset at) => Due(Keys.Day(at), id, at);

    /// <summary>Marks a pass revoked (ETag-guarded, so a concurrent expiry cannot undo it) and lists it for offline scanners.</summary>
    public async Task<PassEntity> RevokeAsync(PassEntity pass, string reason, string by, DateTimeOffset now, CancellationToken ct)
    {
        while (pass.Status != PassStatuses.Revoked)
        {
            pass.Status = PassStatuses.Revoked;
            pass.RevokedAt = now;
            pass.RevocationReason = reason;
            pass.RevokedBy = by;
            try
            {
                var response = await tables.Passes.UpdateEntityAsync(pass, pass.ETag, TableUpdateMode.Replace, ct);
                pass.ETag = response.Headers.ETag ?? pass.ETag;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                pass = await FindAsync(pass.Id, ct) ?? throw new InvalidOperationException("A pass disappeared while being revoked.");
            }
        }

        // Repeated on every revoke call, so a crash before this line is repaired by revoking again.
        // Keyed by when this row is written, not by the revocation time, so that a late (repaired) row
        // still sorts after the cursors already handed out; scanners de-duplicate by pass id.
        var revokedAt = pass.RevokedAt ?? now;
        await tables.Revocations.UpsertEntityAsync(
            new RevocationEntity { PartitionKey = RevocationPartition, RowKey = $"{Keys.Ascending(now)}_{pass.Id}", PassId = pass.Id, RevokedAt = revokedAt, ValidUntil = pass.ValidUntil },
            TableUpdateMode.Replace, ct);
        await tables.PurgeIndex.UpsertEntityAsync(PurgeDue(pass.Id, revokedAt + options.Value.PersonalDataRetention), TableUpdateMode.Replace, ct);
        return pass;
    }

    public const string RevocationPartition = "revoked";

    /// <summary>
    /// Erases the holder's data (names, label, code, reason), keeping the anonymous rest. ETag-guarded:
    /// a row changed meanwhile is read again and erased again, so no concurrent write brings data back.
    /// </summary>
    public async Task<PassEntity> EraseHolderDataAsync(PassEntity pass, DateTimeOffset now, CancellationToken ct)
    {
        while (true)
        {
            pass.GivenName = null;
            pass.FamilyName = null;
            pass.DisplayLabel = null;
            pass.Code = null;
            pass.RevocationReason = null;
            pass.PersonalDataErasedAt ??= now;
            try
            {
                var response = await tables.Passes.UpdateEntityAsync(pass, pass.ETag, TableUpdateMode.Replace, ct);
                pass.ETag = response.Headers.ETag ?? pass.ETag;
                return pass;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                pass = await FindAsync(pass.Id, ct) ?? throw new InvalidOperationException("A pass disappeared while being erased.", e);
            }
        }
    }

    private async Task<IEnumerable<PassEntity>> InsertChunkAsync(PassEntity[] chunk, CancellationToken ct)
    {
        if (chunk.Length > 1)
        {
            try
            {
                await tables.Passes.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p)), ct);
                return chunk;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409)
            {
                // Some rows exist already (a resumed batch, or a reply lost after commit): go row by row.
            }
        }

        var stored = new List<PassEntity>(chunk.Length);
        foreach (var pass in chunk)
        {
            stored.Add(await InsertOneAsync(pass, ct));
        }

        return stored;
    }

    private async Task<PassEntity> InsertOneAsync(PassEntity pass, CancellationToken ct)
    {
        try
        {
            var response = await tables.Passes.AddEntityAsync(pass, ct);
            pass.ETag = response.Headers.ETag ?? default;
            return pass;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Pass ids are 128 random bits: an existing row is our own earlier write (or the resumed
            // write of the same idempotency key), so it is the answer.
            return await FindAsync(pass.Id, ct) ?? throw new InvalidOperationException("Conflict on a pass that does not exist.", e);
        }
    }

    [GeneratedRegex(@"^[0-9a-f]{32}\z")]
    private static partial Regex PassId();
}
