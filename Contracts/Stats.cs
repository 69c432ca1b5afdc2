namespace AccessPmc.Contracts;

/// <summary>Bucket sizes for <c>GET /api/stats</c>.</summary>
public static class Granularities
{
    public const string Hour = "hour";
    public const string Day = "day";
}

/// <summary>
/// Scans at one site in one bucket (an hour or a day, starting at <see cref="Start"/>, UTC): counts by result,
/// by refusal reason (<see cref="VerifyReasons"/>), and by direction (<see cref="Directions"/>; <c>check</c> for
/// scans without one). <see cref="Offline"/> counts the scans among them that were verified offline.
/// </summary>
public sealed record ScanBucket(
    string Site,
    DateTimeOffset Start,
    int Valid,
    int Invalid,
    IReadOnlyDictionary<string, int> Reasons,
    IReadOnlyDictionary<string, int> Directions,
    int Offline);

/// <summary>Passes of one unit and kind in one bucket: issued, revoked and expired in it.</summary>
public sealed record PassBucket(string Unit, string Kind, DateTimeOffset Start, int Issued, int Revoked, int Expired);

/// <summary>A site's occupancy in one bucket: the highest count seen, the last one, and the capacity (null: none).</summary>
public sealed record OccupancyBucket(string Site, DateTimeOffset Start, int Peak, int Last, int? Capacity);

/// <summary>
/// <c>GET /api/stats?from=&amp;to=&amp;site=&amp;unit=&amp;granularity=hour|day</c>: anonymous aggregates written as events
/// happen (never recomputed from scan events, and kept after the personal-data purge). Buckets without any
/// event are left out. An issuer sees only its units' passes and no scans or occupancy of sites outside its scope.
/// </summary>
public sealed record StatsResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    string Granularity,
    IReadOnlyList<ScanBucket> Scans,
    IReadOnlyList<PassBucket> Passes,
    IReadOnlyList<OccupancyBucket> Occupancy);
