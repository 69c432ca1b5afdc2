using AccessPmc.Functions.Storage;
using AccessPmc.Functions.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessPmc.Functions.Presence;

/// <summary>An online scan as the anomaly rules need it; <see cref="Row"/> is the pass's presence row after the scan (entries only).</summary>
public sealed record ScanSeen(
    string Site, string Scanner, DateTimeOffset At, string? PassId, string? Reason, PresenceOutcome Outcome, PresenceEntity? Row, IReadOnlyList<string> PassSites);

/// <summary>
/// Anomalies of online scans, found and written behind the verify answer, as <see cref="ScanLog"/> does for scan
/// events: the scanner waits for neither the cross-site reads nor the write. Probes are counted here, per
/// instance (<see cref="ProbeWindow"/>). Observations still queued are handled when the host stops; a crash
/// loses those of the last moments (as scan events, D8).
/// </summary>
public sealed class AnomalyWatch : WriteBehind<ScanSeen>
{
    private readonly AnomalyDetector detector;
    private readonly AnomalyStore store;
    private readonly TimeProvider time;
    private readonly ProbeWindow probes;

    public AnomalyWatch(AnomalyDetector detector, AnomalyStore store, IOptions<PresenceOptions> options, TimeProvider time, ILogger<AnomalyWatch> logger)
        : base(logger)
    {
        (this.detector, this.store, this.time) = (detector, store, time);
        probes = new ProbeWindow(options.Value.ProbeCodes, options.Value.ProbeWindow);
    }

    protected override int MaxBatch => 500;

    /// <summary>Queues a scan that may reveal an anomaly; the others cost nothing.</summary>
    public ValueTask ObserveAsync(ScanSeen scan, CancellationToken ct) =>
        AnomalyRules.IsForgery(scan.Reason) || scan.Reason == Contracts.VerifyReasons.Revoked
        || scan.Outcome == PresenceOutcome.AlreadyInside || (scan.Outcome == PresenceOutcome.Admitted && scan.PassSites.Count > 1)
            ? EnqueueAsync(scan, ct)
            : ValueTask.CompletedTask;

    protected override async Task WriteAsync(IReadOnlyList<ScanSeen> scans)
    {
        var anomalies = new List<AnomalyEntity>();
        var entries = new List<(AnomalyRules.Source, ScanSeen)>();
        foreach (var scan in scans)
        {
            var source = new AnomalyRules.Source(scan.Site, scan.Scanner, scan.At, time.GetUtcNow());
            if (AnomalyRules.IsForgery(scan.Reason) && probes.Add(scan.Scanner, scan.At) is { } count)
            {
                anomalies.Add(AnomalyRules.Probe(source, count));
            }
            else if (scan.Reason == Contracts.VerifyReasons.Revoked)
            {
                anomalies.Add(AnomalyRules.Revoked(source, scan.PassId!));
            }
            else if (scan.Outcome == PresenceOutcome.AlreadyInside)
            {
                anomalies.Add(AnomalyRules.AlreadyInside(source, scan.Row!));
            }
            else if (scan.Outcome == PresenceOutcome.Admitted)
            {
                entries.Add((source, scan));
            }
        }

        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, ct) =>
        {
            var found = await detector.CrossSiteAsync(entry.Item1, entry.Item2.PassId!, entry.Item2.PassSites, ct);
            lock (anomalies)
            {
                anomalies.AddRange(found);
            }
        });
        probes.Prune(time.GetUtcNow());
        await store.WriteAsync(anomalies, CancellationToken.None);
    }
}
