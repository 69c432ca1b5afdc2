using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Functions.Privacy;

/// <summary>A holder's right of access (GDPR art. 15) and to erasure (art. 17), found by name.</summary>
public sealed class HolderData(PassStore passes, ScanStore scans, TimeProvider time)
{
    public const int MaxPasses = 200;

    public Task<IReadOnlyList<PassEntity>> FindAsync(string givenName, string familyName, CancellationToken ct) =>
        passes.FindByHolderAsync(givenName, familyName, MaxPasses, ct);

    /// <summary>The scan events naming these passes, oldest first.</summary>
    public async Task<IReadOnlyList<HolderScan>> ScansAsync(IReadOnlyList<PassEntity> found, CancellationToken ct)
    {
        var rows = await scans.ForPassesAsync(found.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), ct);
        return rows.Select(s => new HolderScan(s.PassId!, s.Site, s.At, s.Result, s.Reason)).OrderBy(s => s.At).ToList();
    }

    /// <summary>Revokes what is still active (the printed code must stop opening doors), then erases the holder's data.</summary>
    public async Task<HolderErasure> EraseAsync(IReadOnlyList<PassEntity> found, string adminId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var revoked = 0;
        foreach (var pass in found)
        {
            var current = pass;
            if (current.Status == PassStatuses.Active)
            {
                current = await passes.RevokeAsync(current, "holder data erased on request", adminId, now, ct);
                revoked++;
            }

            await passes.EraseHolderDataAsync(current, now, ct);
        }

        return new HolderErasure(found.Count, revoked);
    }
}
