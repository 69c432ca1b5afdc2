using System.Globalization;
using AccessPmc.Contracts;

namespace AccessPmc.Functions.Statistics;

/// <summary>
/// Key shapes of the <c>Statistics</c> table (D-stats). One partition per series: <c>scans|{site}</c>,
/// <c>occupancy|{site}</c>, <c>passes|{unit}</c>, and <c>units</c> (the units that ever had a pass counted).
/// In a series, one row per bucket, the hour rows (<c>H|yyyyMMddHH</c>) and the day rows (<c>D|yyyyMMdd</c>)
/// side by side; pass rows add the kind (<c>D|yyyyMMdd|temporary</c>). So a time range of a series is one
/// partition and one row-key range, and a bucket's hour and day rows change in one transaction.
/// </summary>
public static class StatsKeys
{
    public const string Units = "units";

    public static string Scans(string site) => "scans|" + site;

    public static string Occupancy(string site) => "occupancy|" + site;

    public static string Passes(string unit) => "passes|" + unit;

    /// <summary>The series' subject: the site or unit after the first <c>|</c>.</summary>
    public static string Subject(string partition) => partition[(partition.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>The row key of the bucket holding <paramref name="at"/> (UTC).</summary>
    public static string Bucket(string granularity, DateTimeOffset at) => granularity == Granularities.Hour
        ? "H|" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)
        : "D|" + at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A pass row: the bucket, then the kind.</summary>
    public static string PassBucket(string granularity, DateTimeOffset at, string kind) => Bucket(granularity, at) + "|" + kind;

    /// <summary>When the bucket of a row key starts (UTC).</summary>
    public static DateTimeOffset StartOf(string rowKey)
    {
        var digits = rowKey.Split('|')[1];
        var format = rowKey[0] == 'H' ? "yyyyMMddHH" : "yyyyMMdd";
        return new DateTimeOffset(DateTime.ParseExact(digits, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
    }

    /// <summary>The kind of a pass row (its third segment).</summary>
    public static string KindOf(string rowKey) => rowKey.Split('|')[2];

    /// <summary>The start of the bucket holding <paramref name="at"/>.</summary>
    public static DateTimeOffset Floor(string granularity, DateTimeOffset at)
    {
        var size = Size(granularity).Ticks;
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % size), TimeSpan.Zero);
    }

    /// <summary>The end of the bucket holding the instant just before <paramref name="at"/>: <paramref name="at"/> itself on a boundary.</summary>
    public static DateTimeOffset Ceiling(string granularity, DateTimeOffset at)
    {
        var floor = Floor(granularity, at);
        return floor == at ? floor : floor + Size(granularity);
    }

    public static TimeSpan Size(string granularity) => granularity == Granularities.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>Both granularities, for writers: every event lands in its hour row and its day row.</summary>
    public static readonly IReadOnlyList<string> Both = [Granularities.Hour, Granularities.Day];
}
