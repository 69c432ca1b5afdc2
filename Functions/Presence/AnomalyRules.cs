using System.Security.Cryptography;
using AccessPmc.Contracts;
using AccessPmc.Functions.Storage;

namespace AccessPmc.Functions.Presence;

/// <summary>
/// What makes a scan an anomaly (D42). Online and offline scans go through the same rules;
/// <see cref="Source"/> says which, and gives offline anomalies keys derived from the scan id so that a
/// re-upload rewrites them instead of adding more.
/// </summary>
public static class AnomalyRules
{
    /// <summary>Who saw it and when: <paramref name="ScanId"/> is the offline scan's id, null online.</summary>
    public sealed record Source(string Site, string Scanner, DateTimeOffset At, DateTimeOffset RecordedAt, string? ScanId = null)
    {
        public bool AfterTheFact => ScanId is not null;
    }

    public static AnomalyEntity Revoked(Source source, string passId) =>
        New(AnomalyKinds.RevokedPresented, source, passId);

    /// <summary>An entry of a pass inside the site since <paramref name="row"/>'s entry.</summary>
    public static AnomalyEntity AlreadyInside(Source source, PresenceEntity row)
    {
        var anomaly = New(AnomalyKinds.AlreadyInside, source, row.PassId);
        (anomaly.OtherScanner, anomaly.OtherAt) = (row.EnteredThrough, row.EnteredAt);
        return anomaly;
    }

    /// <summary>
    /// An entry at the source's site against the pass's row at another site: inside there at the same time
    /// (<c>inside_two_sites</c>), else entered there closer in time than <paramref name="travelTime"/>
    /// (<c>travel_too_fast</c>), else nothing. One anomaly per pair of sites, the stronger one.
    /// </summary>
    public static AnomalyEntity? CrossSite(Source source, PresenceEntity other, OccupancyEntity otherCounter, TimeSpan travelTime)
    {
        if (other.EnteredAt is not { } entered)
        {
            return null;
        }

        var kind = other.WasInsideAt(source.At, otherCounter) ? AnomalyKinds.InsideTwoSites
            : (source.At - entered).Duration() < travelTime ? AnomalyKinds.TravelTooFast
            : null;
        if (kind is null)
        {
            return null;
        }

        var anomaly = New(kind, source, other.PassId, other.Site);
        (anomaly.OtherSite, anomaly.OtherScanner, anomaly.OtherAt) = (other.Site, other.EnteredThrough, entered);
        return anomaly;
    }

    public static AnomalyEntity Probe(Source source, int count)
    {
        var anomaly = New(AnomalyKinds.Probe, source, null);
        anomaly.Count = count;
        return anomaly;
    }

    /// <summary>A forged or unknown-key code: what a probe is made of. Malformed codes are not counted (damaged labels, bad cameras).</summary>
    public static bool IsForgery(string? reason) => reason is VerifyReasons.BadSignature or VerifyReasons.UnknownKey;

    private static AnomalyEntity New(string kind, Source source, string? passId, string? otherSite = null)
    {
        var discriminator = source.ScanId is { } scan
            ? otherSite is null ? scan : $"{scan}_{otherSite}"
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return new AnomalyEntity
        {
            PartitionKey = RowKeys.Day(source.At),
            RowKey = $"{RowKeys.Ascending(source.At)}_{kind}_{discriminator}",
            Kind = kind,
            At = source.At,
            Site = source.Site,
            Scanner = source.Scanner,
            PassId = passId,
            AfterTheFact = source.AfterTheFact,
            RecordedAt = source.RecordedAt,
        };
    }
}

/// <summary>
/// Forged or unknown-key codes per scanner within a sliding window; when a scanner reaches the threshold, one
/// probe is reported and its count starts again. Not thread-safe: one reader (the anomaly pump, or one upload) owns it.
/// </summary>
public sealed class ProbeWindow(int threshold, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> seen = new(StringComparer.Ordinal);

    /// <summary>Counts a forgery; returns the burst's size when it makes a probe, else null.</summary>
    public int? Add(string scanner, DateTimeOffset at)
    {
        if (!seen.TryGetValue(scanner, out var times))
        {
            seen[scanner] = times = new Queue<DateTimeOffset>();
        }

        while (times.Count > 0 && times.Peek() <= at - window)
        {
            times.Dequeue();
        }

        times.Enqueue(at);
        if (times.Count < threshold)
        {
            return null;
        }

        seen.Remove(scanner);
        return threshold;
    }

    /// <summary>Forgets scanners with nothing left in the window, so memory follows active scanners only.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var (scanner, times) in seen.Where(p => p.Value.Count == 0 || p.Value.Last() <= now - window).ToList())
        {
            seen.Remove(scanner);
        }
    }
}
