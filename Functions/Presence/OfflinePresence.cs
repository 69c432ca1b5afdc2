using AccessPmc.Contracts;
using AccessPmc.Functions.Passes;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>What applying a batch of offline scans did: entries and exits counted by this call, scans too old to change the present, anomalies recorded (again, for a re-upload).</summary>
public sealed record OfflinePresenceRun(int Entered, int Exited, int History, int Anomalies);

/// <summary>
/// Scans a scanner verified offline, applied to presence after the fact, in their original time order, and
/// the anomalies they reveal (marked after the fact). Idempotent per scan id: a scan already applied
/// recognises its own write, anomaly keys derive from the scan id, so uploading the same scans again changes
/// nothing (D43).
/// </summary>
public sealed class OfflinePresence(
    PresenceTracker tracker, AnomalyDetector detector, AnomalyStore anomalies, PassStore passes,
    IOptions<AccessPmcOptions> catalogue, IOptions<PresenceOptions> options, TimeProvider time)
{
    /// <summary>
    /// Applies <paramref name="scans"/> uploaded by <paramref name="scannerId"/>: the items of <c>POST /api/scans</c>
    /// that passed its rules (id, catalogue site within the scanner's scope, time, pass id, result and reason,
    /// direction), new or already stored. Items without an id, site or time, or at a site outside the catalogue, are skipped.
    /// Per scan: presence first (one transaction), then its anomalies, so a crash between them is repaired by the
    /// retried upload (the scan finds its own write and derives the same anomalies).
    /// </summary>
    public async Task<OfflinePresenceRun> ApplyAsync(string scannerId, IReadOnlyList<OfflineScan> scans, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var usable = scans
            .Where(s => s is { Id: not null, At: not null, Site: not null } && catalogue.Value.FindSite(s.Site) is not null)
            .OrderBy(s => s.At!.Value.UtcTicks).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var known = await PassesAsync(usable, ct);
        var probes = new ProbeWindow(options.Value.ProbeCodes, options.Value.ProbeWindow);
        var (entered, exited, history, recorded) = (0, 0, 0, 0);
        foreach (var scan in usable)
        {
            var source = new AnomalyRules.Source(catalogue.Value.FindSite(scan.Site!)!.Code, scannerId, scan.At!.Value.ToUniversalTime(), now, scan.Id);
            var pass = scan.PassId is { } id ? known.GetValueOrDefault(id) : null;
            var outcome = pass is not null && Moves(scan) ? await ApplyOneAsync(scan, source, pass.Id, ct) : null;
            entered += outcome is { Outcome: PresenceOutcome.Admitted, Written: true } ? 1 : 0;
            exited += outcome is { Outcome: PresenceOutcome.Exited, Written: true } ? 1 : 0;
            history += outcome?.Outcome == PresenceOutcome.History ? 1 : 0;

            var found = await AnomaliesAsync(scan, source, pass, outcome, probes, ct);
            await anomalies.WriteAsync(found, ct);
            recorded += found.Count;
        }

        return new OfflinePresenceRun(entered, exited, history, recorded);
    }

    /// <summary>An entry the scanner let through, or an exit of a code it could read (the person left, whatever the verdict).</summary>
    private static bool Moves(OfflineScan scan) => scan.Direction switch
    {
        Directions.Entry => scan.Result == VerifyResults.Valid,
        Directions.Exit => scan.Reason is not (VerifyReasons.Malformed or VerifyReasons.BadSignature or VerifyReasons.UnknownKey),
        _ => false,
    };

    private Task<PresenceResult> ApplyOneAsync(OfflineScan scan, AnomalyRules.Source source, string passId, CancellationToken ct) =>
        tracker.ApplyAsync(scan.Direction!, source.Site, passId, source.Scanner, source.At, scan.Id, null, ct);

    private async Task<List<AnomalyEntity>> AnomaliesAsync(
        OfflineScan scan, AnomalyRules.Source source, PassEntity? pass, PresenceResult? result, ProbeWindow probes, CancellationToken ct)
    {
        var found = new List<AnomalyEntity>();
        if (AnomalyRules.IsForgery(scan.Reason) && probes.Add(source.Scanner, source.At) is { } count)
        {
            found.Add(AnomalyRules.Probe(source, count));
        }

        if (pass is null)
        {
            return found;
        }

        // The scanner's list may have been stale: what counts is whether the pass was revoked when it was shown.
        if (scan.Reason == VerifyReasons.Revoked || (pass.Status == PassStatuses.Revoked && pass.RevokedAt <= source.At))
        {
            found.Add(AnomalyRules.Revoked(source, pass.Id));
        }

        if (result?.Outcome == PresenceOutcome.AlreadyInside)
        {
            found.Add(AnomalyRules.AlreadyInside(source, result.Snapshot.Row));
        }
        else if (result?.Outcome is PresenceOutcome.Admitted or PresenceOutcome.History && scan.Direction == Directions.Entry)
        {
            found.AddRange(await detector.CrossSiteAsync(source, pass.Id, pass.SiteList, ct));
        }

        return found;
    }

    private async Task<Dictionary<string, PassEntity>> PassesAsync(IEnumerable<OfflineScan> scans, CancellationToken ct)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, PassEntity>(StringComparer.Ordinal);
        var ids = scans.Select(s => s.PassId).OfType<string>().Distinct(StringComparer.Ordinal);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (id, token) =>
        {
            if (await passes.FindAsync(id, token) is { } pass)
            {
                found[id] = pass;
            }
        });
        return new Dictionary<string, PassEntity>(found, StringComparer.Ordinal);
    }
}
