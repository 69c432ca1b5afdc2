using System.Text.RegularExpressions;
using AccessPmc.Contracts;
using AccessPmc.Functions.Statistics;
using AccessPmc.Functions.Storage;
using Azure;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Passes;

/// <summary>
/// The pass rows (table <c>Passes</c>); nothing else writes them. Write order (D3): index rows first
/// (<see cref="PassIndexes"/>), pass row last, so a crash in between leaves only index rows pointing at
/// nothing, which the timers delete and listings skip. Every change of an existing row is ETag-guarded.
/// </summary>
public sealed partial class PassStore(Tables tables, PassIndexes indexes, RevocationStore revocations, StatsRecorder stats)
{
    /// <summary>16 partitions by the first hex digit: point reads by id, and bulk inserts that batch (D1).</summary>
    public static string PartitionOf(string id) => id[..1];

    /// <summary>32 lowercase hex digits; anything else is never a key (nor a filter) in storage.</summary>
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

    /// <summary>
    /// Stores new passes; where a row already exists (a retried write, a resumed batch) the stored row wins. Only the
    /// rows this call inserted are counted as issued, so a replay or a resumed batch counts nothing twice.
    /// </summary>
    public async Task<IReadOnlyList<PassEntity>> InsertAsync(IReadOnlyList<PassEntity> passes, CancellationToken ct)
    {
        await indexes.AddAsync(passes, ct);

        var stored = new PassEntity[passes.Count];
        var positions = passes.Select((p, i) => (p, i)).ToDictionary(x => x.p.Id, x => x.i);
        var chunks = passes.GroupBy(p => p.PartitionKey).SelectMany(g => g.Chunk(TableBatches.MaxPerTransaction)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = TableBatches.Parallelism, CancellationToken = ct }, async (chunk, token) =>
        {
            foreach (var pass in await InsertChunkAsync(chunk, token))
            {
                var position = positions[pass.Id];
                stored[position] = pass;
                if (ReferenceEquals(pass, passes[position]))
                {
                    stats.Pass(pass.Unit, pass.Kind, pass.IssuedAt, StatsProperties.Issued);
                }
            }
        });
        return stored;
    }

    /// <summary>
    /// Marks a pass revoked (a concurrent expiry cannot undo it) and lists it for offline scanners.
    /// Revoking a revoked pass changes nothing but repeats the listing, which repairs a crash after the first write;
    /// only the call that changed the status counts the revocation.
    /// </summary>
    public async Task<PassEntity> RevokeAsync(PassEntity pass, string reason, string by, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await OptimisticUpdate.ApplyAsync(tables.Passes, pass, p =>
        {
            if (p.Status == PassStatuses.Revoked)
            {
                return false;
            }

            (p.Status, p.RevokedAt, p.RevocationReason, p.RevokedBy) = (PassStatuses.Revoked, now, reason, by);
            return true;
        }, token => FindAsync(pass.Id, token), ct);
        var revoked = outcome?.Row ?? throw new InvalidOperationException("A pass disappeared while being revoked.");
        if (outcome.Value.Written)
        {
            stats.Pass(revoked.Unit, revoked.Kind, now, StatsProperties.Revoked);
        }

        await revocations.RecordAsync(revoked, now, ct);
        await indexes.SchedulePurgeAsync(revoked.Id, revoked.RevokedAt ?? now, ct);
        return revoked;
    }

    /// <summary>
    /// Marks an active pass past its end expired; false when it was not (revoked, already expired, gone, not yet due).
    /// Counted as expired at its end, by the call that changed it only: a run repeated after a crash counts nothing.
    /// </summary>
    public async Task<bool> MarkExpiredAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await OptimisticUpdate.ApplyAsync(tables.Passes, await FindAsync(id, ct), p =>
        {
            if (p.Status != PassStatuses.Active || p.ValidUntil > now)
            {
                return false;
            }

            (p.Status, p.ExpiredAt) = (PassStatuses.Expired, now);
            return true;
        }, token => FindAsync(id, token), ct);
        if (outcome is ({ } expired, true))
        {
            stats.Pass(expired.Unit, expired.Kind, expired.ValidUntil, StatsProperties.Expired);
        }

        return outcome?.Written == true;
    }

    /// <summary>
    /// Erases the holder's data (names, label, code, reason), keeping the anonymous rest. A row changed
    /// meanwhile is read again and erased again, so no concurrent write brings data back.
    /// </summary>
    public async Task<PassEntity> EraseHolderDataAsync(PassEntity pass, DateTimeOffset now, CancellationToken ct)
    {
        var outcome = await OptimisticUpdate.ApplyAsync(tables.Passes, pass, p =>
        {
            (p.GivenName, p.FamilyName, p.HolderKey, p.DisplayLabel, p.Code, p.RevocationReason) = (null, null, null, null, null, null);
            p.PersonalDataErasedAt ??= now;
            return true;
        }, token => FindAsync(pass.Id, token), ct);
        return outcome?.Row ?? throw new InvalidOperationException("A pass disappeared while being erased.");
    }

    /// <summary>
    /// A holder's passes by name (<see cref="HolderNames.MatchKey"/>, so spelling variants of one name match),
    /// with a filtered scan of the pass table: a rare, admin-only request, so no name index is kept (it would
    /// be personal data too). Rows written before the key existed match on the exact names. At most <paramref name="max"/>.
    /// </summary>
    public async Task<IReadOnlyList<PassEntity>> FindByHolderAsync(string givenName, string familyName, int max, CancellationToken ct)
    {
        var key = HolderNames.MatchKey(givenName, familyName);
        var filter = TableClient.CreateQueryFilter($"HolderKey eq {key} or (GivenName eq {givenName} and FamilyName eq {familyName})");
        var passes = new List<PassEntity>();
        await foreach (var pass in tables.Passes.QueryAsync<PassEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            passes.Add(pass);
            if (passes.Count == max)
            {
                break;
            }
        }

        return passes;
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
