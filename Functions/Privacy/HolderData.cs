using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;
using Azure.Data.Tables;

namespace AccessPmc.Functions.Privacy;

/// <summary>
/// A holder's right of access and to erasure. Holders are found by name with a filtered scan of the
/// pass table: a rare, admin-only request, so no name index is kept (it would be personal data too).
/// </summary>
public sealed class HolderData(Tables tables, PassStore store, TimeProvider time)
{
    public const int MaxPasses = 200;

    public async Task<IReadOnlyList<PassEntity>> FindAsync(string givenName, string familyName, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"GivenName eq {givenName} and FamilyName eq {familyName}");
        var passes = new List<PassEntity>();
        await foreach (var pass in tables.Passes.QueryAsync<PassEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            passes.Add(pass);
            if (passes.Count == MaxPasses)
            {
                break;
            }
        }

        return passes;
    }

    /// <summary>
    /// The scan events naming these passes. One pass over the scan table, matched in memory: a table
    /// filter takes at most 15 comparisons, and scanning once beats scanning once per 15 passes.
    /// </summary>
    public async Task<IReadOnlyList<HolderScan>> ScansAsync(IReadOnlyList<PassEntity> passes, CancellationToken ct)
    {
        var ids = passes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var scans = new List<HolderScan>();
        if (ids.Count == 0)
        {
            return scans;
        }

        await foreach (var scan in tables.ScanEvents.QueryAsync<ScanEventEntity>(maxPerPage: 1000, cancellationToken: ct))
        {
            if (scan.PassId is { } id && ids.Contains(id))
            {
                scans.Add(new HolderScan(id, scan.Site, scan.At, scan.Result, scan.Reason));
            }
        }

        return scans.OrderBy(s => s.At).ToList();
    }

    /// <summary>Revokes what is still active (the printed code must stop opening doors), then erases the holder's data.</summary>
    public async Task<HolderErasure> EraseAsync(IReadOnlyList<PassEntity> passes, string adminId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var revoked = 0;
        foreach (var found in passes)
        {
            var pass = found;
            if (pass.Status == PassStatuses.Active)
            {
                pass = await store.RevokeAsync(pass, "holder data erased on request", adminId, now, ct);
                revoked++;
            }

            await store.EraseHolderDataAsync(pass, now, ct);
        }

        return new HolderErasure(passes.Count, revoked);
    }
}
