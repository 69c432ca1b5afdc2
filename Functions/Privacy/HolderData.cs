using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using AccessPmc.Functions.Presence;
using AccessPmc.Functions.Verification;

namespace AccessPmc.Functions.Privacy;

/// <summary>A holder's right of access (GDPR art. 15) and to erasure (art. 17), found by name.</summary>
public sealed class HolderData(PassStore passes, ScanStore scans, PresenceTracker presence, AnomalyStore anomalies, TimeProvider time)
{
    public const int MaxPasses = 200;

    public Task<IReadOnlyList<PassEntity>> FindAsync(string givenName, string familyName, CancellationToken ct) =>
        passes.FindByHolderAsync(givenName, familyName, MaxPasses, ct);

    /// <summary>The scan events naming these passes, oldest first.</summary>
    public async Task<IReadOnlyList<HolderScan>> ScansAsync(IReadOnlyList<PassEntity> found, CancellationToken ct)
    {
        var rows = await scans.ForPassesAsync(Ids(found), ct);
        return rows.Select(s => new HolderScan(s.PassId!, s.Site, s.At, s.Result, s.Reason)).OrderBy(s => s.At).ToList();
    }

    /// <summary>The passes' presence rows at their sites (one point read per pass and site), and whether each counts as inside now.</summary>
    public async Task<IReadOnlyList<HolderPresence>> PresenceAsync(IReadOnlyList<PassEntity> found, CancellationToken ct)
    {
        var reads = found.SelectMany(p => p.SiteList.Where(s => presence.Known(s)).Select(s => presence.ReadAsync(s, p.Id, ct)));
        var rows = await Task.WhenAll(reads);
        return rows.Where(r => !r.Row.IsNew)
            .Select(r => new HolderPresence(r.Row.PassId, r.Row.Site, r.Row.IsInside(r.Counter), r.Row.EnteredAt, r.Row.ExitedAt))
            .ToList();
    }

    /// <summary>The anomalies naming these passes, oldest first.</summary>
    public async Task<IReadOnlyList<Anomaly>> AnomaliesAsync(IReadOnlyList<PassEntity> found, CancellationToken ct) =>
        (await anomalies.ForPassesAsync(Ids(found), ct)).OrderBy(a => a.At).Select(a => a.ToContract()).ToList();

    /// <summary>
    /// Revokes what is still active (the printed code must stop opening doors), erases the holder's data, then
    /// removes the passes' presence rows (counting them out where inside) and the anomalies naming them.
    /// </summary>
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
            await presence.ForgetAsync(current.Id, current.SiteList, ct);
        }

        await anomalies.DeleteAsync(await anomalies.ForPassesAsync(Ids(found), ct), ct);
        return new HolderErasure(found.Count, revoked);
    }

    private static HashSet<string> Ids(IReadOnlyList<PassEntity> found) => found.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
}
